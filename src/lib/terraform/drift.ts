import { shortId } from '../scope-keys';
import { addressOf, objectKey, TYPE_LABEL, type NameBook, type Skipped, type TfPolicy, type TfResource } from './model';

/**
 * Code (a loaded baseline) against the account (a live export of the same objects), resource by
 * resource and field by field, in names rather than ids. Pure: the caller adds who changed what
 * from the journal.
 */
export interface FieldChange {
  field: string;
  code: string;
  live: string;
}

export type DriftStatus = 'same' | 'changed' | 'gone' | 'not-comparable';

export interface DriftItem {
  key: string;
  address: string;
  label: string;
  status: DriftStatus;
  changes: FieldChange[];
  code: TfResource;
  live: TfResource | null;
  /** Why the live object cannot be compared (it became SCIM-managed, gained an inline scope…). */
  reason?: string;
}

export interface LiveSide {
  resources: readonly TfResource[];
  skipped: readonly Skipped[];
  names: NameBook;
}

const name = (book: Record<string, string>, id: string) => book[id] ?? shortId(id);

export function describePolicy(p: TfPolicy, names: NameBook): string {
  const pgs = p.permission_groups.map((id) => name(names.permissionGroups, id)).join(', ') || 'nothing';
  const rgs = p.resource_groups.map((id) => name(names.resourceGroups, id)).join(', ') || 'nothing';
  return `${p.access} ${pgs} on ${rgs}`;
}

const samePolicy = (a: TfPolicy, b: TfPolicy) =>
  a.access === b.access && a.permission_groups.join() === b.permission_groups.join() && a.resource_groups.join() === b.resource_groups.join();

/**
 * Policy lists compared in order (order is what a plan compares, #7097), aligned by their longest
 * common run so one added policy reads as one addition, not as every later policy changed.
 */
export function policyChanges(code: readonly TfPolicy[], live: readonly TfPolicy[], names: NameBook, field = 'policies'): FieldChange[] {
  const n = code.length;
  const m = live.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = samePolicy(code[i]!, live[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: FieldChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && samePolicy(code[i]!, live[j]!)) {
      i++;
      j++;
    } else if (i < n && j < m && lcs[i + 1]![j + 1] === lcs[i]![j]) {
      out.push({ field: `${field} #${j + 1}`, code: describePolicy(code[i]!, names), live: describePolicy(live[j]!, names) });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ field: `${field} #${j + 1}`, code: '(none)', live: describePolicy(live[j]!, names) });
      j++;
    } else {
      out.push({ field: `${field} #${i + 1} (code)`, code: describePolicy(code[i]!, names), live: '(none)' });
      i++;
    }
  }
  return out;
}

function listChange(field: string, code: readonly string[], live: readonly string[], book: Record<string, string>): FieldChange[] {
  if (code.join() === live.join()) return [];
  const inCode = new Set(code);
  const inLive = new Set(live);
  const added = live.filter((id) => !inCode.has(id)).map((id) => name(book, id));
  const removed = code.filter((id) => !inLive.has(id)).map((id) => name(book, id));
  if (!added.length && !removed.length) return [{ field, code: 'same entries', live: 'in another order (a plan shows this as a change)' }];
  return [{ field, code: removed.length ? `has ${removed.join(', ')}` : '—', live: added.length ? `has ${added.join(', ')}` : '—' }];
}

const scalar = (field: string, code: string | boolean, live: string | boolean): FieldChange[] => (code === live ? [] : [{ field, code: String(code), live: String(live) }]);

export function fieldChanges(code: TfResource, live: TfResource, names: NameBook): FieldChange[] {
  if (code.type === 'cloudflare_user_group' && live.type === 'cloudflare_user_group') return [...scalar('name', code.name, live.name), ...policyChanges(code.policies, live.policies, names)];
  if (code.type === 'cloudflare_user_group_members' && live.type === 'cloudflare_user_group_members') return listChange('members', code.members, live.members, names.members);
  if (code.type === 'cloudflare_sso_connector' && live.type === 'cloudflare_sso_connector') return [...scalar('email domain', code.email_domain, live.email_domain), ...scalar('enabled', code.enabled, live.enabled)];
  if (code.type === 'cloudflare_account_member' && live.type === 'cloudflare_account_member') {
    return [
      ...scalar('email', code.email, live.email),
      ...scalar('status', code.status, live.status),
      ...listChange('roles', code.roles, live.roles, names.roles),
      ...policyChanges(code.policies, live.policies, names),
    ];
  }
  return [];
}

export function labelOf(r: TfResource, names: NameBook): string {
  switch (r.type) {
    case 'cloudflare_user_group':
      return `${TYPE_LABEL[r.type]} ${names.groups[r.id] ?? r.name}`;
    case 'cloudflare_user_group_members':
      return `${TYPE_LABEL[r.type]} ${name(names.groups, r.id)}`;
    case 'cloudflare_sso_connector':
      return `${TYPE_LABEL[r.type]} ${r.email_domain}`;
    case 'cloudflare_account_member':
      return `${TYPE_LABEL[r.type]} ${r.email}`;
  }
}

export function compareBaseline(code: readonly TfResource[], live: LiveSide): DriftItem[] {
  const liveByKey = new Map(live.resources.map((r) => [objectKey(r), r]));
  const skippedByKey = new Map(live.skipped.flatMap((s) => (s.key ? [[s.key, s] as const] : [])));
  return code.map((c) => {
    const key = objectKey(c);
    const l = liveByKey.get(key) ?? null;
    const base = { key, address: addressOf(c), label: labelOf(l ?? c, live.names), code: c, live: l };
    if (l) {
      const changes = fieldChanges(c, l, live.names);
      return { ...base, status: changes.length ? 'changed' : 'same', changes };
    }
    const why = skippedByKey.get(key);
    // A members resource of a group emptied since reads as every member removed.
    if (c.type === 'cloudflare_user_group_members' && live.names.groups[c.id] !== undefined && (!why || why.kind === 'empty-members')) {
      const empty: TfResource = { ...c, members: [] };
      return { ...base, live: empty, status: c.members.length ? 'changed' : 'same', changes: listChange('members', c.members, [], live.names.members) };
    }
    if (why) return { ...base, status: 'not-comparable', changes: [], reason: `${why.reason} ${why.instead}` };
    return { ...base, status: 'gone', changes: [{ field: 'exists', code: 'yes', live: 'no: deleted from the account' }] };
  });
}

/** Live objects the code does not have (created outside it, or never imported), by label. */
export function notInCode(code: readonly TfResource[], live: LiveSide): Array<{ key: string; label: string }> {
  const inCode = new Set(code.map(objectKey));
  return live.resources.filter((r) => !inCode.has(objectKey(r))).map((r) => ({ key: objectKey(r), label: labelOf(r, live.names) }));
}
