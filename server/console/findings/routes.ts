import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { analyze } from '../../../src/lib/analyzer/analyze.ts';
import { canMemberUse, whoCan, type SimDraft } from '../../../src/lib/analyzer/simulator.ts';
import { ErrorCode, errorBody } from '../../sandbox/envelope.ts';
import type { ConsoleStorage } from '../storage.ts';
import { ApiReadError, type ApiReader } from './api-reader.ts';
import { createDismissalStore } from './dismissals.ts';
import { readSnapshot, type MembershipSource, type SnapshotRead } from './snapshot-source.ts';

/** A simulator question reuses the snapshot the home page just read for this long. */
const SNAPSHOT_REUSE_MS = 60_000;

export interface FindingsDeps {
  /** A fresh reader per computation (it counts that computation's requests). */
  reader: () => ApiReader;
  memberships: MembershipSource;
  storage: ConsoleStorage;
  now?: () => Date;
}

const accountId = z.string().regex(/^[0-9a-f]{32}$/, 'must be a 32-character hex account id');
const dismissalBody = z.object({ reason: z.string().trim().min(1, 'Say why this finding is dismissed').max(500, 'must be at most 500 characters') });
const draftSchema = z.object({
  group_id: z.string().min(1),
  policies: z.array(
    z.object({
      id: z.string().optional(),
      access: z.enum(['allow', 'deny']),
      permission_groups: z.array(z.object({ id: z.string() })),
      resource_groups: z.array(z.union([z.object({ id: z.string() }), z.object({ scope: z.object({ key: z.string(), objects: z.array(z.object({ key: z.string() })) }) })])),
    }),
  ),
});
const simulateBody = z.discriminatedUnion('question', [
  z.object({ question: z.literal('can'), member_id: z.string().min(1), permission_group_id: z.string().min(1), resource: z.string().min(1), draft: draftSchema.optional() }),
  z.object({ question: z.literal('who'), permission_group_id: z.string().min(1), resource: z.string().min(1), draft: draftSchema.optional() }),
]);

function invalid(c: Context, issues: z.core.$ZodIssue[]) {
  const errors = issues.map((i) => ({ code: ErrorCode.invalidField, message: `${i.path.join('.') || 'body'}: ${i.message}`, source: { pointer: `/${i.path.join('/')}` } }));
  return c.json(errorBody(errors), 400);
}

export function createFindingsApi({ reader, memberships, storage, now = () => new Date() }: FindingsDeps): Hono {
  const api = new Hono();
  const dismissals = createDismissalStore(storage);
  const recent = new Map<string, { at: number; read: SnapshotRead }>();

  async function snapshotFor(account: string, reuse: boolean): Promise<SnapshotRead> {
    const kept = recent.get(account);
    if (reuse && kept && Date.now() - kept.at < SNAPSHOT_REUSE_MS) return kept.read;
    const read = await readSnapshot(reader(), account, memberships, now());
    recent.set(account, { at: Date.now(), read });
    return read;
  }

  api.onError((error, c) => {
    if (error instanceof ApiReadError) {
      const status = error.status === 429 ? 429 : 502;
      return c.json(errorBody(error.errors.length ? error.errors : [{ code: ErrorCode.internal, message: error.message }]), status);
    }
    throw error;
  });

  api.use('/accounts/:accountId/*', async (c, next) => {
    const parsed = accountId.safeParse(c.req.param('accountId'));
    if (!parsed.success) return c.json(errorBody([{ code: ErrorCode.invalidIdentifier, message: 'Invalid account identifier' }]), 400);
    await next();
  });

  api.get('/accounts/:accountId/findings', async (c) => {
    const account = c.req.param('accountId');
    const started = performance.now();
    const read = await snapshotFor(account, false);
    const analyzeStarted = performance.now();
    const findings = analyze(read.snapshot);
    const analyzeMs = performance.now() - analyzeStarted;
    const dismissed = new Map(dismissals.list(account).map((d) => [d.finding_id, d]));
    return c.json({
      findings: findings.map((f) => ({ ...f, dismissal: dismissed.get(f.id) ?? null })),
      open_count: findings.filter((f) => !dismissed.has(f.id)).length,
      computed_at: read.snapshot.now,
      memberships: { source: read.membershipSource, as_of: read.membershipsAsOf ?? null },
      zones_known: read.snapshot.zones !== null,
      stats: { requests: read.requests, total_ms: Math.round(performance.now() - started), analyze_ms: Math.round(analyzeMs) },
    });
  });

  api.put('/accounts/:accountId/findings/:findingId/dismissal', async (c) => {
    const body = dismissalBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return invalid(c, body.error.issues);
    return c.json({ result: dismissals.dismiss(c.req.param('accountId'), c.req.param('findingId'), body.data.reason) });
  });

  api.delete('/accounts/:accountId/findings/:findingId/dismissal', (c) => {
    const removed = dismissals.restore(c.req.param('accountId'), c.req.param('findingId'));
    return removed ? c.json({ result: { finding_id: c.req.param('findingId') } }) : c.json(errorBody([{ code: ErrorCode.notFound, message: 'This finding is not dismissed' }]), 404);
  });

  api.post('/accounts/:accountId/simulate', async (c) => {
    const body = simulateBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return invalid(c, body.error.issues);
    const q = body.data;
    const { snapshot } = await snapshotFor(c.req.param('accountId'), true);
    // The member may be named by id or by email, as an admin knows them.
    const wanted = q.question === 'can' ? q.member_id.trim().toLowerCase() : '';
    const member = q.question === 'can' ? snapshot.members.find((m) => m.id === wanted || m.email.toLowerCase() === wanted) : undefined;
    if (q.question === 'can' && !member) {
      return c.json(errorBody([{ code: ErrorCode.notFound, message: `No such member: ${q.member_id} is not a member of this account`, source: { pointer: '/member_id' } }]), 404);
    }
    const draft: SimDraft | undefined = q.draft ? { groupId: q.draft.group_id, policies: q.draft.policies } : undefined;
    const result =
      q.question === 'can'
        ? canMemberUse(snapshot, { memberId: member!.id, permissionGroupId: q.permission_group_id, resource: q.resource }, draft)
        : whoCan(snapshot, { permissionGroupId: q.permission_group_id, resource: q.resource }, draft);
    return c.json({ result, memberships_known: snapshot.memberships !== null });
  });

  return api;
}
