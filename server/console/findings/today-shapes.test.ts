import { describe, expect, it } from 'vitest';
import { ACCOUNT, BEARER, createTestSandbox } from '../../sandbox/test-support.ts';
import { openConsoleStore } from '../open-store.ts';
import { createApiReader } from './api-reader.ts';
import { createFindingsApi } from './routes.ts';
import { sandboxMembershipSource } from './test-support.ts';

/**
 * Today's API (the published schema, TODAY.md) answers what the 2024 pages described in other
 * shapes. This rewrites the sandbox's answers into today's — idempotently, so it holds whichever
 * era the sandbox answers in — and the findings must come out the same. Before the server read
 * through the SPA's parsing boundary, a resource group's one-object `scope` made every findings
 * call fail with "(scopes ?? []) is not iterable".
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

async function toToday(response: Response, path: string): Promise<Response> {
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

function findingsApi(shape: 'sandbox' | 'today') {
  const sandbox = createTestSandbox('default');
  const seen: string[] = [];
  const reader = () =>
    createApiReader(async (path) => {
      const response = await sandbox.api.request(`/client/v4${path}`, { headers: BEARER });
      if (shape === 'sandbox') return response;
      const bare = path.split('?')[0]!;
      const today = await toToday(response, bare);
      seen.push(bare);
      return today;
    });
  return { api: createFindingsApi({ reader, memberships: sandboxMembershipSource(sandbox.db), storage: openConsoleStore(':memory:') }), seen };
}

describe('findings on today\'s API shapes', () => {
  it('answers 200 with the same findings as on the 2024 shapes', async () => {
    const today = findingsApi('today');
    const res = await today.api.request(`/accounts/${ACCOUNT}/findings`);
    const body = (await res.json()) as { findings: Array<{ id: string; kind: string }>; errors?: unknown };
    expect(res.status, JSON.stringify(body.errors)).toBe(200);
    expect(today.seen).toContain(`/accounts/${ACCOUNT}/iam/resource_groups`);

    const base = (await (await findingsApi('sandbox').api.request(`/accounts/${ACCOUNT}/findings`)).json()) as typeof body;
    expect(body.findings.map((f) => f.id).sort()).toEqual(base.findings.map((f) => f.id).sort());
    expect(new Set(body.findings.map((f) => f.kind))).toContain('unused-resource-group');
  });

  it('the simulator answers "who can" the same on both', async () => {
    const ask = async (shape: 'sandbox' | 'today') => {
      const { api } = findingsApi(shape);
      const catalogue = createTestSandbox('default');
      const pgs = (await catalogue.call('GET', `/accounts/${ACCOUNT}/iam/permission_groups?name=${encodeURIComponent('Super Administrator - All Privileges')}`)).body.result[0];
      const res = await api.request(`/accounts/${ACCOUNT}/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'who', permission_group_id: pgs.id, resource: 'account' }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result: { allowed: Array<{ member: { email: string } }> } };
      return body.result.allowed.map((a) => a.member.email).sort();
    };
    const today = await ask('today');
    expect(today).toContain('jordan.alvarez@acme.com');
    expect(today).toEqual(await ask('sandbox'));
  });
});
