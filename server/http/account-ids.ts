/**
 * The ids of every account a credential reaches: `GET /accounts`, every page of 50 (at most 100
 * pages). `get` sends a path under /client/v4 with whatever credential its caller adds. Null when
 * any page is refused or unreachable, so callers never mistake a failed read for "none".
 */
export async function listAccountIds(get: (path: string) => Promise<Response>): Promise<Set<string> | null> {
  const ids = new Set<string>();
  for (let page = 1; page <= 100; page++) {
    const response = await get(`/accounts?per_page=50&page=${page}`).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { success?: boolean; result?: Array<{ id?: unknown }> | null } | null;
    if (!response?.ok || !body?.success) return null;
    const items = body.result ?? [];
    for (const item of items) if (typeof item.id === 'string') ids.add(item.id);
    if (items.length < 50) break;
  }
  return ids;
}
