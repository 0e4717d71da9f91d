import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';

/**
 * The sandbox's stand-in DNS provider (/__sandbox/dns, sandbox mode only). It is not the
 * Cloudflare API — no envelope, no /client/v4 — so it gets its own tiny helpers instead of going
 * through src/api/client.ts.
 */

const recordSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  content: z.string(),
  created_on: z.string(),
  warning: z.optional(z.string()),
});
export type SandboxDnsRecord = z.infer<typeof recordSchema>;

const errorsSchema = z.object({ errors: z.array(z.object({ field: z.optional(z.string()), message: z.string() })) });

export class SandboxDnsError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxDnsError';
  }
}

async function call<S extends z.ZodMiniType>(path: string, init: RequestInit, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(`/__sandbox/dns${path}`, {
      ...init,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  } catch {
    throw new SandboxDnsError(0, 'Could not reach the sandbox DNS zone.');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorsSchema.safeParse(json);
    const message = parsed.success ? parsed.data.errors.map((e) => e.message).join('; ') : `Request failed (${response.status})`;
    throw new SandboxDnsError(response.status, message);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SandboxDnsError(response.status, 'The sandbox DNS zone answered with an unexpected body.');
  return parsed.data;
}

export const sandboxDnsKeys = {
  at: (name: string) => ['sandbox-dns', 'records', name] as const,
};

/** TXT records published at exactly `name`. */
export function sandboxTxtQuery(name: string) {
  return queryOptions({
    queryKey: sandboxDnsKeys.at(name),
    queryFn: async () =>
      (await call(`/records?name=${encodeURIComponent(name)}`, { method: 'GET' }, z.object({ records: z.array(recordSchema) })))
        .records,
    staleTime: 0,
  });
}

export function publishSandboxTxt(name: string, content: string) {
  return call(
    '/records',
    { method: 'POST', body: JSON.stringify({ name, type: 'TXT', content }) },
    z.object({ record: recordSchema, warning: z.optional(z.string()) }),
  );
}

export function deleteSandboxRecord(id: string) {
  return call(`/records/${encodeURIComponent(id)}`, { method: 'DELETE' }, z.object({ id: z.string() }));
}
