import type { ServerConfig } from '../config.ts';

type Upstream = NonNullable<ServerConfig['upstream']>;

/**
 * What the start-up check learned of the credential, for the SPA too (/console-api/mode): a token
 * Cloudflare refuses is a different fix (a new token) from one that lacks a permission.
 */
export interface CredentialCheck {
  status: 'accepted' | 'refused' | 'unreachable';
  /** Cloudflare's own message (or the network error); never the credential. */
  message: string;
}

export interface UpstreamDescription {
  /** The line printed at start. */
  line: string;
  credential: CredentialCheck;
}

/** On start, tells the admin whether the credential works and what it reaches — never the credential. */
export async function describeUpstream(upstream: Upstream, fetchImpl: typeof fetch = fetch): Promise<UpstreamDescription> {
  const get = (path: string) =>
    fetchImpl(upstream.baseUrl + path, { headers: upstream.credential.headers }).then(
      async (res) => ({ status: res.status, body: (await res.json().catch(() => null)) as any }),
      (err: unknown) => ({ status: 0, body: null, error: err instanceof Error ? err.message : String(err) }),
    );
  const unreachable = (error: string): UpstreamDescription => ({
    line: `Live mode: cannot reach ${upstream.baseUrl} (${error})`,
    credential: { status: 'unreachable', message: error },
  });
  const refused = (what: string, body: any, status: number): UpstreamDescription => {
    const reason: string = body?.errors?.[0]?.message ?? `HTTP ${status}`;
    return { line: `Live mode: the ${what} was refused: ${reason}`, credential: { status: 'refused', message: reason } };
  };
  if (upstream.credential.kind === 'token') {
    const verify = await get('/user/tokens/verify');
    if (verify.status === 0) return unreachable((verify as any).error);
    if (!verify.body?.success) return refused('API token', verify.body, verify.status);
  }
  const accounts = await get('/accounts?per_page=50');
  if (accounts.status === 0) return unreachable((accounts as any).error);
  if (!accounts.body?.success) return refused('credential', accounts.body, accounts.status);
  const names = (accounts.body.result as Array<{ id: string; name: string }>).map((a) => `${a.name} (${a.id})`);
  const pinned = upstream.accountId ? `; pinned to account ${upstream.accountId}` : '';
  return {
    line: `Live mode: ${upstream.baseUrl}, ${names.length} account(s) reachable: ${names.join(', ') || 'none'}${pinned}`,
    credential: { status: 'accepted', message: `${names.length} account(s) reachable` },
  };
}
