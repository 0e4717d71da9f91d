/**
 * For tests: today's API (the published schema, TODAY.md) answers what the 2024 pages described
 * in other shapes. This rewrites a sandbox answer into today's — idempotently, so it holds
 * whichever era the sandbox answers in — so a reader can be held to give the same result on both.
 */
function todayShape(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    // Resource groups: `scope` is ONE object (schema iam_scope).
    if (key === 'scope' && value.length === 1) return todayShape(value[0]);
    return value.map((v) => todayShape(v));
  }
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = todayShape(v, k);
  // Permission groups: meta {label, scopes} (schema example), no {key, value}.
  const meta = out.meta as Record<string, unknown> | undefined;
  if (key !== 'meta' && meta && meta.key === 'label') {
    const { key: _k, value: label, ...rest } = meta;
    out.meta = { label, scopes: 'com.cloudflare.api.account', ...rest };
  }
  // Fields the docs' real payloads carry and the 2024 pages never showed.
  if (typeof out.id === 'string' && key !== 'user') out.status ??= 'V';
  return out;
}

export async function toToday(response: Response, path: string): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  const shaped = todayShape(body) as Record<string, unknown>;
  // An empty members list answers `result: null`; zones carry `owner: {id: null, name: null}`.
  if (/\/members$/.test(path) && Array.isArray(shaped.result) && shaped.result.length === 0) shaped.result = null;
  if (path === '/zones' && Array.isArray(shaped.result)) {
    shaped.result = shaped.result.map((z) => ({ ...(z as object), owner: { id: null, name: null, type: 'user' } }));
  }
  if (shaped.result_info && typeof shaped.result_info === 'object') {
    const info = shaped.result_info as { total_count?: number; per_page?: number };
    if (info.total_count !== undefined && info.per_page) (info as Record<string, unknown>).total_pages = Math.ceil(info.total_count / info.per_page);
  }
  return new Response(JSON.stringify(shaped), { status: response.status, headers: { 'content-type': 'application/json' } });
}

