import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { buildExport } from '../../../src/lib/terraform/export.ts';
import { hclChunks } from '../../../src/lib/terraform/hcl-writer.ts';
import { ErrorCode, errorBody } from '../../http/envelope.ts';
import { BudgetRefused } from '../budget.ts';
import { ApiReadError, type ApiReader } from '../findings/api-reader.ts';
import type { MembershipSource } from '../findings/snapshot-source.ts';
import { scimManagedGroups } from '../journal/scim-managed.ts';
import { eachEntry } from '../journal/store.ts';
import { nextTurn } from '../next-turn.ts';
import type { ConsoleStorage } from '../storage.ts';
import { readExportSource, type ExportScope } from './read-source.ts';

/**
 * GET /console-api/accounts/:account/terraform — the account (or some of its groups) as HCL for
 * the cloudflare/cloudflare provider, text/plain, streamed; `format=json` answers the same export
 * as data (the drift view compares a baseline with it in the browser). Scope, by query:
 *   (none)                       the whole account
 *   group=<id>[&group=<id>…]     those groups
 *   history=1&actor=…&since=…    the groups the History filter shows (same filter names)
 * The cost is said before the work: GET …/terraform/cost answers how many requests it will take.
 */
export interface TerraformDeps {
  reader: () => ApiReader;
  memberships: MembershipSource;
  storage: ConsoleStorage;
  /**
   * Brings the journal up to date before it is read, as a History view would: the audit log's
   * new entries (for a History-filter scope) and the SCIM-managed groups. Asked with the
   * caller's request, so it runs with the caller's rights. Absent in tests that need neither.
   */
  refreshJournal?: (request: Request, accountId: string, what: { history: boolean }) => Promise<void>;
}

const ID = /^[0-9a-f]{32}$/;
/** A selection or a History filter covers at most this many groups (a whole account has no limit). */
export const MAX_SELECTED_GROUPS = 10_000;

const historyFilter = z.object({
  resource_type: z.enum(['user_group', 'user_group_members']).optional(),
  resource_id: z.string().max(64).optional(),
  actor: z.string().max(200).optional(),
  action: z.string().max(64).optional(),
  source: z.enum(['console', 'api', 'dashboard']).optional(),
  since: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date').optional(),
  before: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date').optional(),
});

function invalid(c: Context, message: string, pointer: string) {
  return c.json(errorBody([{ code: ErrorCode.invalidField, message, source: { pointer } }]), 400);
}

type ScopeAnswer = { scope: ExportScope } | { error: { message: string; pointer: string } };

function scopeOf(c: Context, storage: ConsoleStorage, accountId: string): ScopeAnswer {
  const groups = c.req.queries('group') ?? [];
  if (c.req.query('history') === '1') {
    const raw = Object.fromEntries(Object.entries(historyFilter.shape).flatMap(([k]) => (c.req.query(k) ? [[k, c.req.query(k)]] : [])));
    const filter = historyFilter.safeParse(raw);
    if (!filter.success) return { error: { message: filter.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), pointer: `/${String(filter.error.issues[0]?.path[0] ?? 'history')}` } };
    const ids = new Set<string>();
    const q = filter.data;
    for (const resourceType of q.resource_type ? [q.resource_type] : (['user_group', 'user_group_members'] as const)) {
      for (const entry of eachEntry(storage, { accountId, resourceType, resourceId: q.resource_id, actor: q.actor, action: q.action, source: q.source, since: q.since && new Date(q.since).toISOString(), before: q.before && new Date(q.before).toISOString() })) {
        if (entry.resource.id && ID.test(entry.resource.id)) ids.add(entry.resource.id);
        if (ids.size > MAX_SELECTED_GROUPS) return { error: { message: `The filter shows more than ${MAX_SELECTED_GROUPS} groups: narrow it, or export the whole account.`, pointer: '/history' } };
      }
    }
    return { scope: { kind: 'groups', ids: [...ids], label: `${ids.size} group${ids.size === 1 ? '' : 's'} in a History filter` } };
  }
  if (groups.length) {
    const bad = groups.find((g) => !ID.test(g));
    if (bad !== undefined) return { error: { message: `group: ${JSON.stringify(bad.slice(0, 40))} is not a 32-character group id`, pointer: '/group' } };
    const ids = [...new Set(groups)];
    if (ids.length > MAX_SELECTED_GROUPS) return { error: { message: `At most ${MAX_SELECTED_GROUPS} groups at a time: export the whole account instead.`, pointer: '/group' } };
    return { scope: { kind: 'groups', ids, label: ids.length === 1 ? 'one group' : `${ids.length} groups` } };
  }
  return { scope: { kind: 'account' } };
}

const waitSeconds = (refused: BudgetRefused) => Math.max(1, Math.ceil(refused.waitMs / 1000));

export function createTerraformApi({ reader, memberships, storage, refreshJournal }: TerraformDeps): Hono {
  const api = new Hono();

  api.onError((error, c) => {
    if (error instanceof BudgetRefused) {
      const seconds = waitSeconds(error);
      return c.json(errorBody([{ code: ErrorCode.rateLimited, message: `Cloudflare’s request quota for this user is nearly spent, so the export is not read now: try again in about ${seconds} s.` }]), 503, { 'Retry-After': String(seconds) });
    }
    if (error instanceof ApiReadError) {
      return c.json(errorBody(error.errors.length ? error.errors : [{ code: ErrorCode.internal, message: error.message }]), error.status === 429 ? 429 : 502);
    }
    throw error;
  });

  api.use('/accounts/:accountId/terraform', async (c, next) => {
    if (!ID.test(c.req.param('accountId'))) return c.json(errorBody([{ code: ErrorCode.invalidIdentifier, message: 'Invalid account identifier' }]), 400);
    await next();
  });
  api.use('/accounts/:accountId/terraform/*', async (c, next) => {
    if (!ID.test(c.req.param('accountId'))) return c.json(errorBody([{ code: ErrorCode.invalidIdentifier, message: 'Invalid account identifier' }]), 400);
    await next();
  });

  /** What an export of this scope will cost, from two one-item pages (their totals). */
  api.get('/accounts/:accountId/terraform/cost', async (c) => {
    const accountId = c.req.param('accountId');
    if (c.req.query('history') === '1') await refreshJournal?.(c.req.raw, accountId, { history: true });
    const answer = scopeOf(c, storage, accountId);
    if ('error' in answer) return invalid(c, answer.error.message, answer.error.pointer);
    const { scope } = answer;
    const indexReady = (await memberships.memberships(accountId)) !== null;
    const read = reader();
    const account = `/accounts/${encodeURIComponent(accountId)}`;
    const [groupCount, permissionGroupCount, memberCount] = await Promise.all([
      scope.kind === 'account' || scope.ids.length > 25 ? read.count(`${account}/iam/user_groups`, 5) : Promise.resolve(scope.ids.length),
      read.count(`${account}/iam/permission_groups`, 5),
      scope.kind === 'account' && !indexReady ? read.count(`${account}/members`, 5) : Promise.resolve(0),
    ]);
    const groups = scope.kind === 'account' ? (groupCount ?? 0) : scope.ids.length;
    const pages = (n: number | null, per: number) => Math.max(1, Math.ceil((n ?? 0) / per));
    let requests = pages(permissionGroupCount, 50) + 1; // + resource groups
    requests += scope.kind === 'groups' && scope.ids.length <= 25 ? scope.ids.length : pages(groupCount, 500);
    if (scope.kind === 'account') requests += 2 + (indexReady ? 0 : pages(memberCount, 50)); // SSO, OAuth, members
    const membersPerGroup = scope.kind === 'groups' ? groups <= 25 : !indexReady && groups <= 25;
    if (membersPerGroup) requests += groups;
    return c.json({
      result: {
        scope: scope.kind === 'account' ? 'the whole account' : scope.label,
        groups,
        requests,
        asked_to_count: read.requests(),
        memberships: membersPerGroup ? 'per-group' : indexReady ? 'index' : 'unknown',
      },
    });
  });

  api.get('/accounts/:accountId/terraform', async (c) => {
    const accountId = c.req.param('accountId');
    await refreshJournal?.(c.req.raw, accountId, { history: c.req.query('history') === '1' });
    const answer = scopeOf(c, storage, accountId);
    if ('error' in answer) return invalid(c, answer.error.message, answer.error.pointer);
    const { scope } = answer;
    const read = reader();
    const { source, requests, missingGroups, membershipsAsOf } = await readExportSource(read, accountId, scope, memberships, new Set(scimManagedGroups(storage, accountId)));
    const result = buildExport(source);
    for (const id of missingGroups) result.skipped.push({ key: `cloudflare_user_group:${id}`, what: `User group ${id}`, kind: 'unreadable', reason: 'The account has no such group (deleted?).', instead: 'Remove it from the code, or recreate it from History.' });
    const headers: Record<string, string> = { 'X-Terraform-Requests': String(requests), 'X-Terraform-Resources': String(result.resources.length), 'Cache-Control': 'no-store' };
    // Not in the file (two exports of an unchanged account stay byte-identical), but said.
    if (membershipsAsOf) headers['X-Terraform-Memberships-As-Of'] = membershipsAsOf;
    if (c.req.query('format') === 'json') return c.json({ result: { ...result, requests, memberships_as_of: membershipsAsOf } }, 200, headers);
    const label = scope.kind === 'account' ? 'the whole account' : scope.label;
    const chunks = hclChunks(result, label);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = chunks.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value));
        await nextTurn(); // other requests are served between pieces of a 10,000-group file
      },
    });
    return c.body(stream, 200, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `inline; filename="cloudflare-iam-${accountId.slice(0, 8)}.tf"` });
  });

  return api;
}
