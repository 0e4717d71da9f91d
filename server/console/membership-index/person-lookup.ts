import * as z from 'zod/mini';
import { accountMemberSchema } from '../../../src/api/account-members/schema.ts';
import { userGroupSchema } from '../../../src/api/user-groups/schema.ts';
import { BudgetRefused, type RequestBudget } from '../budget.ts';
import { V4CallFailed, type V4Client } from '../v4-client.ts';
import { directGrantsOf, type IndexBuilder } from './builder.ts';
import type { IndexStore } from './store.ts';

/**
 * One person's groups, read directly instead of waiting for the whole index: a person opened or
 * searched is someone an admin is waiting on. The schema's only call that names a person's
 * groups is SCIM Users (`GET /accounts/{id}/scim/v2/Users?filter=userName eq "…"`, TODAY.md §4:
 * `groups` lists the user group ids), so a lookup is:
 *
 *   - the member's details, if the member list has not reached them yet (1 request);
 *   - their SCIM user, with their groups (1 request);
 *   - the details of any of those groups the group list has not reached yet (rarely: it is read
 *     first, 21 requests for 10,000 groups).
 *
 * Each is a read for a view (budget.spendForView: counted, refused only near a lockout). The
 * person's groups then go first in the builder's queue, so their other members are read too.
 * Where SCIM cannot be read (a credential without SCIM Provisioning or Account Settings Read, an
 * API key on an account that answers 401/403), the lookup says so and the view names the groups
 * not read yet instead; the account is not asked again for ten minutes.
 */
const SCIM_RETRY_MS = 10 * 60_000;
/** A lookup this recent is still the person's truth (the index keeps it current from then on). */
const FRESH_MS = 2 * 60_000;

const scimUserList = z.object({
  Resources: z.optional(
    z.array(
      z.object({
        userName: z.optional(z.string()),
        groups: z.optional(z.array(z.object({ value: z.string() }))),
      }),
    ),
  ),
});

export type LookupOutcome = 'looked-up' | 'fresh' | 'no-scim' | 'not-found' | 'refused';

export function createPersonLookup(deps: { store: IndexStore; client: V4Client; budget: RequestBudget; builder: IndexBuilder; now: () => number }) {
  const { store, client, budget, builder, now } = deps;
  const noScimUntil = new Map<string, number>();
  const inflight = new Map<string, Promise<LookupOutcome>>();
  /** Requests spent on lookups per account (apart from the index's passes). */
  const spent = new Map<string, number>();

  async function memberEmail(accountId: string, memberId: string): Promise<string | null> {
    const row = store.storage.prepare('SELECT email FROM membership_index_members WHERE account_id = ? AND member_id = ?').get(accountId, memberId);
    if (row) return String(row.email);
    budget.spendForView();
    spent.set(accountId, (spent.get(accountId) ?? 0) + 1);
    try {
      const m = await client.getOne(`/accounts/${accountId}/members/${memberId}`, accountMemberSchema);
      const email = m.user?.email ?? m.email ?? '';
      const { sweep } = store.account(accountId, now());
      store.upsertMembers(accountId, sweep, [
        { id: m.id, email, first_name: m.user?.first_name ?? null, last_name: m.user?.last_name ?? null, status: m.status ?? 'accepted', direct_grants: directGrantsOf(m) },
      ]);
      return email;
    } catch (error) {
      if (error instanceof V4CallFailed && error.status === 404) return null;
      throw error;
    }
  }

  async function lookUp(accountId: string, memberId: string): Promise<LookupOutcome> {
    const at = store.personLookedUpAt(accountId, memberId);
    if (at !== null && now() - at < FRESH_MS) return 'fresh';
    if ((noScimUntil.get(accountId) ?? 0) > now()) return 'no-scim';
    try {
      const email = await memberEmail(accountId, memberId);
      if (email === null) return 'not-found';
      budget.spendForView();
      spent.set(accountId, (spent.get(accountId) ?? 0) + 1);
      let answer: unknown;
      try {
        answer = await client.getJson(`/accounts/${accountId}/scim/v2/Users`, { filter: `userName eq "${email.replace(/"/g, '')}"` });
      } catch (error) {
        if (error instanceof V4CallFailed && error.status !== 429 && error.status < 500) {
          noScimUntil.set(accountId, now() + SCIM_RETRY_MS);
          return 'no-scim';
        }
        throw error;
      }
      const parsed = scimUserList.safeParse(answer);
      const user = parsed.success ? parsed.data.Resources?.find((u) => u.userName?.toLowerCase() === email.toLowerCase()) : undefined;
      if (!user) {
        noScimUntil.set(accountId, now() + SCIM_RETRY_MS);
        return 'no-scim';
      }
      // SCIM also lists system groups (`cloudflare-v1-…`); only user group ids are indexed.
      const groupIds = (user.groups ?? []).map((g) => g.value).filter((id) => /^[0-9a-f]{32}$/.test(id));
      const { sweep } = store.account(accountId, now());
      for (const id of groupIds) {
        if (store.hasGroup(accountId, id)) continue;
        budget.spendForView();
        spent.set(accountId, (spent.get(accountId) ?? 0) + 1);
        const g = await client.getOne(`/accounts/${accountId}/iam/user_groups/${id}`, userGroupSchema);
        store.upsertGroups(accountId, sweep, [{ id: g.id, name: g.name, created_on: g.created_on, modified_on: g.modified_on, policies: g.policies ?? [] }]);
      }
      store.recordPersonLookup(accountId, memberId, groupIds, now());
      builder.want(accountId, groupIds);
      return 'looked-up';
    } catch (error) {
      if (error instanceof BudgetRefused || (error instanceof V4CallFailed && error.status === 429)) return 'refused';
      throw error;
    }
  }

  return {
    requests: (accountId: string) => spent.get(accountId) ?? 0,
    /** Whether SCIM answered this account's last lookup (false: views say which groups are unread). */
    scimReadable: (accountId: string) => (noScimUntil.get(accountId) ?? 0) <= now(),
    /** Looks a person's groups up directly unless a recent lookup stands; one at a time per person. */
    lookUp(accountId: string, memberId: string): Promise<LookupOutcome> {
      const key = `${accountId}/${memberId}`;
      const running = inflight.get(key);
      if (running) return running;
      const started = lookUp(accountId, memberId).finally(() => inflight.delete(key));
      inflight.set(key, started);
      return started;
    },
  };
}

export type PersonLookup = ReturnType<typeof createPersonLookup>;
