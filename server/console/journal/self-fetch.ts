/**
 * The journal reads the API the way the dashboard does: a request back into this server, carrying
 * the original request's Host, Origin, session cookie and team-mode Access token (so it passes the
 * same checks) and the
 * console header (so the server adds its credential), in both sandbox and live mode.
 */
export type AppFetch = (request: Request) => Response | Promise<Response>;

const KEPT = ['host', 'origin', 'referer', 'cookie', 'cf-access-jwt-assertion', 'sec-fetch-site', 'x-iam-console'];

export function selfReader(appFetch: AppFetch, original: Request) {
  const origin = new URL(original.url).origin;
  const headers = new Headers({ accept: 'application/json', 'x-iam-console': '1' });
  for (const name of KEPT) {
    const value = original.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return async function read<T = unknown>(path: string): Promise<{ ok: boolean; status: number; body: T | null }> {
    const response = await appFetch(new Request(`${origin}/client/v4${path}`, { headers }));
    const body = (await response.json().catch(() => null)) as T | null;
    return { ok: response.ok, status: response.status, body };
  };
}

export type SelfReader = ReturnType<typeof selfReader>;

const MEMBERS_PAGE = 500;

/** A resource's current state: the object, or for `…/members` the whole list ({id, email, status}). */
export async function readState(read: SelfReader, path: string): Promise<unknown> {
  if (!path.endsWith('/members')) {
    const res = await read<{ result?: unknown }>(path);
    return res.ok ? (res.body?.result ?? null) : null;
  }
  const members: unknown[] = [];
  for (let page = 1; page <= 100; page++) {
    const res = await read<{ result?: Array<{ id: string; email?: string; status?: string }> }>(`${path}?per_page=${MEMBERS_PAGE}&page=${page}`);
    if (!res.ok) return null;
    const result = res.body?.result ?? [];
    members.push(...result.map(({ id, email, status }) => ({ id, email, status })));
    if (result.length < MEMBERS_PAGE) break;
  }
  return members;
}
