import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { consoleRequest } from './client';

const logosSchema = z.object({ logos: z.array(z.object({ uri: z.string(), path: z.string() })) });

/**
 * Sandbox mode only: the logo URIs the sandbox serves from the console's own origin (the seeded
 * clients'), as a map from logo_uri to that same-origin path. Fetched once per session.
 */
export const sandboxLogosQuery = queryOptions({
  queryKey: ['sandbox-logos'],
  queryFn: async ({ signal }): Promise<Map<string, string>> => {
    // Logos are decoration: a server without the sandbox's logos (live mode) shows none, no error.
    const answer = await consoleRequest('/__sandbox/logos', { schema: logosSchema, signal }).catch((error: unknown) => {
      if (signal.aborted) throw error;
      return { logos: [] };
    });
    return new Map(answer.logos.map((l) => [l.uri, l.path]));
  },
  staleTime: Infinity,
  retry: false,
});
