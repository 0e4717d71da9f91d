import type { ConsoleStorage } from '../storage.ts';

/** The journal's latest change of one person's membership of one group. */
export interface MembershipChange {
  at: string;
  by: string;
  /** add_members, remove_member or replace_members, as History names them. */
  action: string;
}

/** The latest change a person made themselves, as the audit log (in the journal) shows it. */
export interface PersonActivity {
  at: string;
  action: string;
  resourceType: string;
  resourceName: string | null;
}

interface Member {
  id?: string;
}

const ids = (state: string | null): Set<string> => {
  if (!state) return new Set();
  try {
    const list = JSON.parse(state) as unknown;
    return new Set(Array.isArray(list) ? (list as Member[]).flatMap((m) => (typeof m?.id === 'string' ? [m.id] : [])) : []);
  } catch {
    return new Set();
  }
};

/** The maps' key for one person's membership of one group. */
export const membershipKey = (groupId: string, memberId: string) => `${groupId}:${memberId}`;

/**
 * What a reviewer sees beside each membership, from the journal alone (no request to the API):
 * when it last changed and by whom, and the person's own last recorded change anywhere in the
 * account. A membership entry's members before and after are the ones the write touched (a
 * replace: the whole list), so whoever is on one side only is whom it changed.
 */
export function membershipContext(
  storage: ConsoleStorage,
  accountId: string,
  items: Array<{ groupId: string; memberId: string; memberEmail: string | null }>,
): { lastChange: Map<string, MembershipChange>; lastActivity: Map<string, PersonActivity> } {
  const wanted = new Set(items.map((i) => membershipKey(i.groupId, i.memberId)));
  const lastChange = new Map<string, MembershipChange>();
  const entries = storage.prepare(
    `SELECT at, actor_label, action, before, after FROM journal_entries
      WHERE resource_id = ? AND account_id = ? AND resource_type = 'user_group_members' AND success = 1 ORDER BY at DESC, seq DESC`,
  );
  for (const groupId of new Set(items.map((i) => i.groupId))) {
    for (const row of entries.all(groupId, accountId)) {
      const before = ids(row.before as string | null);
      const after = ids(row.after as string | null);
      const changed = [...before].filter((id) => !after.has(id)).concat([...after].filter((id) => !before.has(id)));
      for (const memberId of changed) {
        const k = membershipKey(groupId, memberId);
        if (wanted.has(k) && !lastChange.has(k)) lastChange.set(k, { at: String(row.at), by: String(row.actor_label), action: String(row.action) });
      }
    }
  }

  const lastActivity = new Map<string, PersonActivity>();
  const emails = [...new Set(items.flatMap((i) => (i.memberEmail ? [i.memberEmail.toLowerCase()] : [])))];
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    const rows = storage
      .prepare(
        `SELECT lower(actor_label) AS who, at, action, resource_type, resource_name FROM journal_entries
          WHERE account_id = ? AND success = 1 AND lower(actor_label) IN (${chunk.map(() => '?').join(', ')}) ORDER BY at DESC, seq DESC`,
      )
      .all(accountId, ...chunk);
    for (const row of rows) {
      const who = String(row.who);
      if (!lastActivity.has(who)) {
        lastActivity.set(who, { at: String(row.at), action: String(row.action), resourceType: String(row.resource_type), resourceName: (row.resource_name as string | null) ?? null });
      }
    }
  }
  return { lastChange, lastActivity };
}
