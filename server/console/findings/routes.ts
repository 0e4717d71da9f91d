import { Hono } from 'hono';
import { z } from 'zod';
import { unknownListSchema } from '../../../src/api/common-schema.ts';
import { ALL_PARTS, analysisSteps } from '../../../src/lib/analyzer/analyze.ts';
import { sortFindings, type Finding } from '../../../src/lib/analyzer/finding.ts';
import { accountPosture, type Posture, type SnapshotPart } from '../../../src/lib/analyzer/posture.ts';
import { indexSnapshot } from '../../../src/lib/analyzer/snapshot-index.ts';
import { canMemberUse, whoCan, type SimDraft } from '../../../src/lib/analyzer/simulator.ts';
import { ErrorCode, errorBody } from '../../http/envelope.ts';
import { invalidFields } from '../../http/invalid-fields.ts';
import { BudgetRefused } from '../budget.ts';
import { nextTurn } from '../next-turn.ts';
import { lastEntrySeq } from '../journal/store.ts';
import type { ConsoleStorage } from '../storage.ts';
import { ApiReadError, type ApiReader } from './api-reader.ts';
import { createDismissalStore } from './dismissals.ts';
import { startSnapshot, type MembershipSource, type SnapshotProgress, type SnapshotRead } from './snapshot-source.ts';

/**
 * A computation is reused while the account's audit log shows no change since it was read (one
 * request instead of a list per resource type, 25+ requests on 10,000 groups) and the membership
 * index has not completed a new pass. When the audit log cannot answer (a token without audit-log
 * access), it is reused for a minute only; `?fresh=1` always reads again.
 */
const REUSE_UNCHECKED_MS = 60_000;
/** However quiet the audit log, a computation this old is read again. */
const REUSE_MAX_MS = 15 * 60_000;
/** Audit entries carry their own clock: a change this close before the read still counts as after. */
const CLOCK_SLACK_MS = 2_000;
/** `?partial=1`: how long an answer waits for a reading before it says what is known so far. */
const PARTIAL_WAIT_MS = 300;
/** How the home page names the lists still being read. */
const PART_LABEL: Record<SnapshotPart, string> = {
  userGroups: 'user groups',
  memberships: 'memberships',
  members: 'members',
  resourceGroups: 'resource groups',
  zones: 'zones',
  ssoConnectors: 'SSO connectors',
  oauthClients: 'OAuth clients',
  permissionGroups: 'permission groups',
};

export interface FindingsDeps {
  /** A fresh reader per computation (it counts that computation's requests). */
  reader: () => ApiReader;
  memberships: MembershipSource;
  storage: ConsoleStorage;
  now?: () => Date;
  /** Findings the console's own state holds (time-bound memberships not removed), added to every answer as they are now. */
  extra?: (accountId: string, snapshot: SnapshotRead['snapshot']) => Finding[];
}

const accountId = z.string().regex(/^[0-9a-f]{32}$/, 'must be a 32-character hex account id');
/** Finding ids are rule names and object ids: far shorter than this. */
const MAX_FINDING_ID = 200;
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

/** One reading of an account, with its findings once someone asked for them. */
interface Computation {
  read: SnapshotRead;
  readStartedAt: number;
  membershipsAsOf: string | null;
  /** The journal's newest entry then: a write through the console shows there at once, before any audit log has it. */
  journalSeq: number;
  findings?: Promise<Analysis & { totalMs: number }>;
}

interface Analysis {
  list: Finding[];
  analyzeMs: number;
  posture: Posture;
}

/** A reading still under way: what is known so far, and its findings for those parts (kept per set of parts). */
interface Reading {
  progress: SnapshotProgress;
  startedAt: number;
  failed?: unknown;
  analysis?: { key: string; result: Promise<Analysis> };
}

/** The computation to answer with, and why it was not read again when the budget refused that. */
interface Answer {
  computation: Computation;
  held: BudgetRefused | null;
}

/**
 * The findings, rule by rule, with the other requests served between rules (one takes ~0.5 s on
 * 10,000 groups); only the rules whose parts are `known`. And the account's posture from the same.
 */
async function analyzeInTurns(snapshot: SnapshotRead['snapshot'], known: ReadonlySet<SnapshotPart> = ALL_PARTS): Promise<Analysis> {
  const list: Finding[] = [];
  let analyzeMs = 0;
  let started = performance.now();
  for (const found of analysisSteps(snapshot, known)) {
    list.push(...found);
    analyzeMs += performance.now() - started;
    await nextTurn();
    started = performance.now();
  }
  const posture = accountPosture(indexSnapshot(snapshot), known);
  analyzeMs += performance.now() - started;
  return { list: sortFindings(list), analyzeMs, posture };
}

/** Whole seconds until the budget allows a read again, at least one (as Retry-After counts). */
const waitSeconds = (refused: BudgetRefused) => Math.max(1, Math.ceil(refused.waitMs / 1000));

/** Why the budget refused, as the admin reads it. */
function heldReason(refused: BudgetRefused): string {
  return refused.reason === 'blocked'
    ? 'Cloudflare refused a request for exceeding the rate limit'
    : 'Cloudflare’s request quota for this user is nearly spent (the dashboard and every token share it)';
}

export function createFindingsApi({ reader, memberships, storage, now = () => new Date(), extra }: FindingsDeps): Hono {
  const api = new Hono();
  const dismissals = createDismissalStore(storage);
  const kept = new Map<string, Computation>();
  /** One reading per account at a time: two tabs opening the home page share it. */
  const reading = new Map<string, Promise<Answer>>();
  /** What the account's current reading knows so far (and, once it failed, why), for `?partial=1`. */
  const underWay = new Map<string, Reading>();

  /** Whether the account may have changed since `computation` was read: one audit-log request. */
  async function changedSince(account: string, computation: Computation): Promise<boolean> {
    const age = Date.now() - computation.readStartedAt;
    const membershipsAsOf = memberships.asOf?.(account) ?? null;
    if (age > REUSE_MAX_MS || membershipsAsOf !== computation.membershipsAsOf || lastEntrySeq(storage, account) !== computation.journalSeq) return true;
    // The home page asks every few seconds until the index's first pass is in: not a request each time.
    if (computation.read.snapshot.memberships === null && membershipsAsOf === null && age < REUSE_UNCHECKED_MS) return false;
    try {
      const since = new Date(computation.readStartedAt - CLOCK_SLACK_MS).toISOString();
      const entries = await reader().get(`/accounts/${encodeURIComponent(account)}/audit_logs`, unknownListSchema, { since, per_page: 1, direction: 'desc' });
      return entries.length > 0;
    } catch (error) {
      if (error instanceof BudgetRefused) throw error;
      return age > REUSE_UNCHECKED_MS;
    }
  }

  async function read(account: string): Promise<Computation> {
    const readStartedAt = Date.now();
    const membershipsAsOf = memberships.asOf?.(account) ?? null;
    const journalSeq = lastEntrySeq(storage, account);
    const { progress, done } = startSnapshot(reader(), account, memberships, now());
    const current: Reading = { progress, startedAt: performance.now() };
    underWay.set(account, current);
    try {
      const computation = { read: await done, readStartedAt, membershipsAsOf, journalSeq };
      kept.set(account, computation);
      underWay.delete(account);
      return computation;
    } catch (error) {
      // Kept for the next partial answer to report; a full answer reports it itself.
      current.failed = error;
      throw error;
    }
  }

  /** What a reading under way already shows: the findings of the parts read so far. */
  async function partialAnswer(account: string, current: Reading) {
    const { progress } = current;
    const known = new Set(progress.known);
    const key = [...known].sort().join(',');
    if (current.analysis?.key !== key) current.analysis = { key, result: analyzeInTurns(progress.snapshot, known) };
    const analysis = await current.analysis.result;
    const dismissed = new Map(dismissals.list(account).map((d) => [d.finding_id, d]));
    return {
      findings: analysis.list.map((f) => ({ ...f, dismissal: dismissed.get(f.id) ?? null })),
      open_count: analysis.list.filter((f) => !dismissed.has(f.id)).length,
      computed_at: progress.snapshot.now,
      memberships: { source: progress.snapshot.memberships ? 'index' : 'unavailable', as_of: memberships.asOf?.(account) ?? null },
      zones_known: known.has('zones') && progress.snapshot.zones !== null,
      stats: { requests: progress.requests(), total_ms: Math.round(performance.now() - current.startedAt), analyze_ms: Math.round(analysis.analyzeMs), reused: false },
      held: null,
      complete: false,
      pending: [...ALL_PARTS].filter((p) => !known.has(p)).map((p) => PART_LABEL[p]),
      posture: analysis.posture,
    };
  }

  /**
   * The kept computation while nothing changed, else a new reading. When the request budget
   * refuses the reads (Cloudflare's quota is low, or a 429 came back), the kept computation is
   * answered as it is, `held`; with none kept, the refusal goes to the caller.
   */
  async function computationFor(account: string, fresh: boolean): Promise<Answer> {
    const running = reading.get(account);
    if (running) return running;
    const last = kept.get(account);
    const next = (async (): Promise<Answer> => {
      try {
        if (!fresh && last && !(await changedSince(account, last))) return { computation: last, held: null };
        return { computation: await read(account), held: null };
      } catch (error) {
        if (error instanceof BudgetRefused && last) {
          underWay.delete(account); // answered: the kept computation, held
          return { computation: last, held: error };
        }
        throw error;
      }
    })();
    reading.set(account, next);
    try {
      return await next;
    } finally {
      reading.delete(account);
    }
  }

  function findingsOf(computation: Computation, started: number): NonNullable<Computation['findings']> {
    // (Every part is known once a reading is done.)
    computation.findings ??= analyzeInTurns(computation.read.snapshot).then(
      (done) => ({ ...done, totalMs: performance.now() - started }),
      (error: unknown) => {
        computation.findings = undefined; // the next ask tries again
        throw error;
      },
    );
    return computation.findings;
  }

  api.onError((error, c) => {
    if (error instanceof BudgetRefused) {
      const seconds = waitSeconds(error);
      return c.json(errorBody([{ code: ErrorCode.rateLimited, message: `${heldReason(error)}, so the account is not read yet: the findings are computed in about ${seconds} s.` }]), 503, {
        'Retry-After': String(seconds),
      });
    }
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
    const askedAt = Date.now();
    // A reading that failed since the last partial answer: said once, then the next ask reads again.
    const failed = underWay.get(account);
    if (failed?.failed !== undefined) {
      underWay.delete(account);
      throw failed.failed;
    }
    const pending = computationFor(account, c.req.query('fresh') === '1');
    if (c.req.query('partial') === '1') {
      // The home page asks with partial=1: rather than wait for 10,000 groups and 2,000 zones, it
      // is told what the lists read so far show, and asks again until the answer is complete.
      pending.catch(() => undefined); // reported by the next ask
      const first = await Promise.race([pending.then(() => true, () => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), PARTIAL_WAIT_MS))]);
      const current = underWay.get(account);
      if (!first && current && current.failed === undefined) return c.json(await partialAnswer(account, current));
    }
    const { computation, held } = await pending.catch((error: unknown) => {
      underWay.delete(account); // this answer reports it
      throw error;
    });
    const { read } = computation;
    const computed = await findingsOf(computation, started);
    const findings = { ...computed, list: extra ? sortFindings([...extra(account, read.snapshot), ...computed.list]) : computed.list };
    const dismissed = new Map(dismissals.list(account).map((d) => [d.finding_id, d]));
    return c.json({
      findings: findings.list.map((f) => ({ ...f, dismissal: dismissed.get(f.id) ?? null })),
      open_count: findings.list.filter((f) => !dismissed.has(f.id)).length,
      computed_at: read.snapshot.now,
      memberships: { source: read.membershipSource, as_of: read.membershipsAsOf ?? null },
      zones_known: read.snapshot.zones !== null,
      stats: { requests: read.requests, total_ms: Math.round(findings.totalMs), analyze_ms: Math.round(findings.analyzeMs), reused: computation.readStartedAt < askedAt },
      held: held ? { reason: held.reason, message: heldReason(held), resumes_in_seconds: waitSeconds(held) } : null,
      complete: true,
      pending: [],
      posture: findings.posture,
    });
  });

  api.put('/accounts/:accountId/findings/:findingId/dismissal', async (c) => {
    if (c.req.param('findingId').length > MAX_FINDING_ID) return invalidFields(c, [{ path: ['finding_id'], message: `must be at most ${MAX_FINDING_ID} characters` }]);
    const body = dismissalBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return invalidFields(c, body.error.issues);
    return c.json({ result: dismissals.dismiss(c.req.param('accountId'), c.req.param('findingId'), body.data.reason) });
  });

  api.delete('/accounts/:accountId/findings/:findingId/dismissal', (c) => {
    const removed = dismissals.restore(c.req.param('accountId'), c.req.param('findingId'));
    return removed ? c.json({ result: { finding_id: c.req.param('findingId') } }) : c.json(errorBody([{ code: ErrorCode.notFound, message: 'This finding is not dismissed' }]), 404);
  });

  api.post('/accounts/:accountId/simulate', async (c) => {
    const body = simulateBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return invalidFields(c, body.error.issues);
    const q = body.data;
    const { snapshot } = (await computationFor(c.req.param('accountId'), false)).computation.read;
    if (snapshot.memberships === null) {
      const message = 'Who is in which group is not known yet: the membership index is still being built. Ask again in a moment.';
      return c.json(errorBody([{ code: ErrorCode.conflict, message }]), 503, { 'Retry-After': '10' });
    }
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
