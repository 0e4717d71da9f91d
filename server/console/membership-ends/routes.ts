import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ErrorCode, errorBody } from '../../http/envelope.ts';
import { invalidFields } from '../../http/invalid-fields.ts';
import { currentActor } from '../actor.ts';
import { BudgetRefused } from '../budget.ts';
import type { ConsoleStorage } from '../storage.ts';
import { endProblem } from './schedule.ts';
import type { MembershipEnds } from './service.ts';
import type { MembershipEnd } from './store.ts';

/**
 * /console-api/accounts/:accountId/membership-ends — time-bound memberships. The SPA adds people
 * through /client/v4 as always (journaled, at most once), then registers when their access ends
 * here; the server removes them at the end whether or not anyone has the console open.
 */
const ID = /^[0-9a-f]{32}$/;
const MAX_REASON = 500;

const grantBody = z.object({
  group_id: z.string().regex(ID, 'must be a 32-character hex id'),
  members: z
    .array(
      z.object({
        id: z.string().regex(ID, 'must be a 32-character hex id'),
        email: z.string().max(320).optional(),
      }),
    )
    .min(1)
    .max(200),
  ends_at: z.iso.datetime({
    offset: true,
    message: 'must be a date and time (ISO 8601)',
  }),
  reason: z.string().trim().max(MAX_REASON, `must be at most ${MAX_REASON} characters`).optional(),
});
const rescheduleBody = z.object({
  ends_at: z.iso.datetime({
    offset: true,
    message: 'must be a date and time (ISO 8601)',
  }),
});
const listQuery = z.object({
  group: z.string().regex(ID).optional(),
  member: z.string().regex(ID).optional(),
});

const refuse = (c: Context, status: 400 | 404 | 409 | 429 | 503, message: string, field?: string) =>
  c.json(
    errorBody([
      {
        code: status === 404 ? ErrorCode.notFound : ErrorCode.invalidField,
        message,
        ...(field ? { source: { pointer: `/${field}` } } : {}),
      },
    ]),
    status,
  );

function view(e: MembershipEnd) {
  return {
    id: e.id,
    group_id: e.groupId,
    group_name: e.groupName,
    member_id: e.memberId,
    member_email: e.memberEmail,
    granted_at: e.grantedAt,
    granted_by: e.grantedBy,
    reason: e.reason,
    ends_at: new Date(e.endsAt).toISOString(),
    state: e.state,
    attempts: e.attempts,
    next_attempt_at: e.state === 'scheduled' ? new Date(e.nextAttemptAt).toISOString() : null,
    last_error: e.lastError,
    outcome: e.outcome,
    finished_at: e.finishedAt,
  };
}

/** Who granted: the signed-in admin (team mode), else whoever the journal says made the add. */
function grantorOf(storage: ConsoleStorage, accountId: string, groupId: string): string {
  const actor = currentActor();
  if (actor) return actor.email;
  const row = storage
    .prepare(
      `SELECT actor_label FROM journal_entries WHERE account_id = ? AND resource_id = ? AND action = 'add_members' AND source = 'console' ORDER BY seq DESC LIMIT 1`,
    )
    .get(accountId, groupId);
  return row ? String(row.actor_label) : 'this console';
}

async function json(c: Context): Promise<unknown> {
  return c.req.json().catch(() => undefined);
}

export function createMembershipEndsApi(ends: MembershipEnds, storage: ConsoleStorage, now = Date.now): Hono {
  const api = new Hono();
  const base = '/accounts/:accountId/membership-ends';

  api.get(base, (c) => {
    const q = listQuery.safeParse(c.req.query());
    if (!q.success) return invalidFields(c, q.error.issues);
    const list = ends.list(c.req.param('accountId'), {
      groupId: q.data.group,
      memberId: q.data.member,
    });
    return c.json({
      result: list.map(view),
      kept_by: ends.alarmKind,
      now: new Date(now()).toISOString(),
    });
  });

  api.post(base, async (c) => {
    const accountId = c.req.param('accountId');
    const parsed = grantBody.safeParse(await json(c));
    if (!parsed.success) return invalidFields(c, parsed.error.issues);
    const { group_id: groupId, members, reason } = parsed.data;
    const endsAt = Date.parse(parsed.data.ends_at);
    const problem = endProblem(endsAt, now());
    if (problem) return refuse(c, 400, problem, 'ends_at');
    let group;
    try {
      group = await ends.grantsAdmin(accountId, groupId);
    } catch (error) {
      if (error instanceof BudgetRefused) return refuse(c, 429, `The request budget is paused; try again in ${Math.ceil(error.waitMs / 1000)} s`);
      throw error;
    }
    if (!group) return refuse(c, 404, 'No such user group in this account', 'group_id');
    if (group.admin && !reason) return refuse(c, 400, 'This group grants administrator access: say why this person needs it', 'reason');
    const grantedBy = grantorOf(storage, accountId, groupId);
    const saved = ends.grant(
      members.map((m) => ({
        accountId,
        groupId,
        groupName: group.name,
        memberId: m.id,
        memberEmail: m.email ?? null,
        grantedBy,
        reason: reason || null,
        endsAt,
      })),
    );
    return c.json({ result: saved.map(view) }, 201);
  });

  api.put(`${base}/:id`, async (c) => {
    const parsed = rescheduleBody.safeParse(await json(c));
    if (!parsed.success) return invalidFields(c, parsed.error.issues);
    const endsAt = Date.parse(parsed.data.ends_at);
    const problem = endProblem(endsAt, now());
    if (problem) return refuse(c, 400, problem, 'ends_at');
    const e = ends.reschedule(c.req.param('accountId'), c.req.param('id'), endsAt);
    if (!e) return refuse(c, 404, 'No such time-bound membership');
    if (e.state !== 'scheduled') return refuse(c, 409, `This access already ended: ${e.outcome ?? e.state}`);
    return c.json({ result: view(e) });
  });

  api.post(`${base}/:id/end-now`, async (c) => {
    const e = await ends.endNow(c.req.param('accountId'), c.req.param('id'));
    if (!e) return refuse(c, 404, 'No such time-bound membership');
    return c.json({ result: view(e) });
  });

  api.delete(`${base}/:id`, (c) => {
    const by = currentActor()?.email ?? 'this console';
    const e = ends.makePermanent(c.req.param('accountId'), c.req.param('id'), by);
    if (!e) return refuse(c, 404, 'No such time-bound membership');
    return c.json({ result: view(e) });
  });

  return api;
}
