import type { ServerConfig } from '../config.ts';

type Upstream = NonNullable<ServerConfig['upstream']>;

/** On start, tells the admin whether the credential works and what it reaches — never the credential. */
export async function describeUpstream(upstream: Upstream, fetchImpl: typeof fetch = fetch): Promise<string> {
  const get = (path: string) =>
    fetchImpl(upstream.baseUrl + path, { headers: upstream.credential.headers }).then(
      async (res) => ({ status: res.status, body: (await res.json().catch(() => null)) as any }),
      (err: unknown) => ({ status: 0, body: null, error: err instanceof Error ? err.message : String(err) }),
    );
  if (upstream.credential.kind === 'token') {
    const verify = await get('/user/tokens/verify');
    if (verify.status === 0) return `Live mode: cannot reach ${upstream.baseUrl} (${(verify as any).error})`;
    if (!verify.body?.success) {
      const reason = verify.body?.errors?.[0]?.message ?? `HTTP ${verify.status}`;
      return `Live mode: the API token was refused: ${reason}`;
    }
  }
  const accounts = await get('/accounts?per_page=50');
  if (accounts.status === 0) return `Live mode: cannot reach ${upstream.baseUrl} (${(accounts as any).error})`;
  if (!accounts.body?.success) {
    return `Live mode: the credential was refused: ${accounts.body?.errors?.[0]?.message ?? `HTTP ${accounts.status}`}`;
  }
  const names = (accounts.body.result as Array<{ id: string; name: string }>).map((a) => `${a.name} (${a.id})`);
  const pinned = upstream.accountId ? `; pinned to account ${upstream.accountId}` : '';
  return `Live mode: ${upstream.baseUrl}, ${names.length} account(s) reachable: ${names.join(', ') || 'none'}${pinned}`;
}
