import type { IndexBuilder } from './builder.ts';
import type { IndexedGroup, IndexStore } from './store.ts';

/**
 * The console's own writes update the index the moment they succeed: the server sees every
 * dashboard call pass through /client/v4, so it reads the answer instead of waiting for the next
 * pass. Writes made elsewhere (another admin, a script) are found by the next pass instead.
 */
const GROUPS = /^\/client\/v4\/accounts\/([0-9a-f]{32})\/iam\/user_groups(?:\/([0-9a-f]{32})(\/members(?:\/([^/]+))?)?)?$/;

export interface ObservedWrite {
  method: string;
  path: string;
  status: number;
  /** The answer's envelope, read only for writes this hook cares about. */
  body: () => Promise<unknown>;
}

/** Whether the index wants this answer's body (so the proxy clones only those). */
export function isIndexedWrite(method: string, path: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && GROUPS.test(path);
}

export async function applyConsoleWrite(store: IndexStore, builder: IndexBuilder, write: ObservedWrite, now = Date.now()): Promise<void> {
  const match = GROUPS.exec(write.path);
  if (!match || write.status < 200 || write.status >= 300) return;
  const [, accountId, groupId, membersPart, memberId] = match as unknown as [string, string, string?, string?, string?];
  if (!store.known(accountId)) return; // no index for this account yet: its first pass will see it
  const envelope = (await write.body()) as { success?: boolean; result?: unknown } | null;
  if (!envelope?.success) return;
  const { sweep } = store.account(accountId, now);

  if (!membersPart) {
    if (write.method === 'DELETE' && groupId) {
      builder.noteWrite(accountId, groupId);
      store.deleteGroup(accountId, groupId);
      return;
    }
    const group = envelope.result as IndexedGroup;
    if (!group?.id) return;
    const wasSynced = store.groupSynced(accountId, group.id);
    store.upsertGroups(accountId, sweep, [group]);
    // A new group has no members; a name or policy change leaves them as they were.
    if (write.method === 'POST') store.replaceMemberships(accountId, group.id, [], group.modified_on, null);
    else if (wasSynced) store.replaceMemberships(accountId, group.id, store.groupMemberIds(accountId, group.id), group.modified_on, null);
    return;
  }

  if (!groupId) return;
  builder.noteWrite(accountId, groupId);
  const current = new Set(store.groupMemberIds(accountId, groupId));
  const answered = Array.isArray(envelope.result) ? (envelope.result as Array<{ id: string }>).map((m) => m.id) : [];
  let next: Set<string>;
  if (write.method === 'POST') next = new Set([...current, ...answered]);
  else if (write.method === 'PUT') next = new Set(answered);
  else if (write.method === 'DELETE' && memberId) next = new Set([...current].filter((id) => id !== memberId));
  else return;
  // The group's modified_on moved on Cloudflare's side; the next pass re-reads this one group.
  store.replaceMemberships(accountId, groupId, [...next], null, now);
}
