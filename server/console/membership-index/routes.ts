import { Hono } from 'hono';
import { z } from 'zod';
import type { MembershipIndex } from './service.ts';

/**
 * /console-api/accounts/:accountId/… — the index, for the SPA. Not Cloudflare's API: these cost
 * no request of the rate limit; only the index's own background calls to /client/v4 do.
 */
const ACCOUNT_ID = /^[0-9a-f]{32}$/;

const membersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['accepted', 'pending']).optional(),
  group: z.string().regex(ACCOUNT_ID).optional(),
  ungrouped: z.enum(['true', 'false']).optional(),
  sort: z.enum(['email', 'name', 'last_change', 'groups']).default('email'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
});

const memberCountsBody = z.object({ group_ids: z.array(z.string().regex(ACCOUNT_ID)).max(500) });
const memberNamesBody = z.object({ member_ids: z.array(z.string().regex(ACCOUNT_ID)).max(500) });

const FRESH_ENOUGH_MS = 2 * 60_000;

const problem = (message: string) => ({ errors: [{ message }] });

export function createMembershipIndexApi(index: MembershipIndex): Hono {
  const api = new Hono();

  api.use('/accounts/:accountId/*', async (c, next) => {
    const accountId = c.req.param('accountId');
    if (!ACCOUNT_ID.test(accountId)) return c.json(problem('Not an account id'), 404);
    index.ensure(accountId);
    await next();
  });

  api.get('/accounts/:accountId/membership-index', (c) => c.json(index.status(c.req.param('accountId'))));

  api.post('/accounts/:accountId/membership-index/refresh', (c) => {
    const accountId = c.req.param('accountId');
    index.refresh(accountId);
    return c.json(index.status(accountId), 202);
  });

  api.get('/accounts/:accountId/membership-index/groups', (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const accountId = c.req.param('accountId');
    return c.json({ groups: index.queries.searchGroups(accountId, q, 50), index: index.status(accountId) });
  });

  // POST only because a page's 500 ids would not fit in a URL; it reads, it changes nothing.
  api.post('/accounts/:accountId/membership-index/member-counts', async (c) => {
    const parsed = memberCountsBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json(problem('Send {"group_ids": [...]}: up to 500 group ids'), 400);
    const accountId = c.req.param('accountId');
    return c.json({ counts: index.queries.memberCounts(accountId, parsed.data.group_ids), index: index.status(accountId) });
  });

  // The names the API's group member list leaves out, for one page of a group's Members tab.
  api.post('/accounts/:accountId/membership-index/member-names', async (c) => {
    const parsed = memberNamesBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json(problem('Send {"member_ids": [...]}: up to 500 member ids'), 400);
    const accountId = c.req.param('accountId');
    return c.json({ names: index.queries.memberNames(accountId, parsed.data.member_ids), index: index.status(accountId) });
  });

  api.get('/accounts/:accountId/members', (c) => {
    const parsed = membersQuery.safeParse(c.req.query());
    if (!parsed.success) return c.json(problem(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')), 400);
    const { q, status, group, ungrouped, sort, direction, page, per_page } = parsed.data;
    const accountId = c.req.param('accountId');
    const found = index.queries.searchMembers(accountId, {
      q,
      status,
      groupId: group,
      ungrouped: ungrouped === 'true',
      sort,
      direction,
      page,
      perPage: per_page,
    });
    return c.json({ ...found, page, per_page, index: index.status(accountId) });
  });

  api.get('/accounts/:accountId/members/:memberId', (c) => {
    const accountId = c.req.param('accountId');
    // Someone opening a person's access wants it current: an index older than two minutes starts
    // a pass (only changed groups are re-read; the budget still has the last word).
    const before = index.status(accountId);
    if (before.state === 'warm' && before.as_of && Date.now() - Date.parse(before.as_of) > FRESH_ENOUGH_MS) index.refresh(accountId);
    const status = index.status(accountId);
    const found = index.queries.member(accountId, c.req.param('memberId'));
    if (found) return c.json({ ...found, index: status });
    // Only once the members pass has finished can "not found" mean "no such member".
    if (!status.members_listed) return c.json({ ...problem('The member list is still being indexed'), index: status }, 503);
    return c.json({ ...problem('No such member in this account'), index: status }, 404);
  });

  return api;
}
