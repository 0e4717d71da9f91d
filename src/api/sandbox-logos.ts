import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';

const logosSchema = z.object({ logos: z.array(z.object({ uri: z.string(), path: z.string() })) });

/**
 * Sandbox mode only: the logo URIs the sandbox serves from the console's own origin (the seeded
 * clients'), as a map from logo_uri to that same-origin path. Fetched once per session.
 */
export const sandboxLogosQuery = queryOptions({
  queryKey: ['sandbox-logos'],
  queryFn: async ({ signal }): Promise<Map<string, string>> => {
    const res = await fetch('/__sandbox/logos', { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const parsed = logosSchema.safeParse(await res.json().catch(() => null));
    return new Map(parsed.success ? parsed.data.logos.map((l) => [l.uri, l.path]) : []);
  },
  staleTime: Infinity,
  retry: false,
});
