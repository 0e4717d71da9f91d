import { pluralize } from '@/lib/format';
import { diffPolicies } from '@/lib/policy-diff';
import { draftFromServer, type DraftPolicy } from '@/lib/policy-draft';
import { summarizePolicy } from '@/lib/policy-summary';
import { resourceGroupLabel, summarizeScope, type KeyNames, type ScopeLike } from '@/lib/scope-keys';
import { asGroup, asMembers, asRecord, type GroupSnapshot, type NamedRef } from './snapshots';

/**
 * A journal entry's change in words, with names rather than ids: policies added, removed or
 * changed (permission and resource groups named, allow/deny), members added or removed, fields
 * changed. Names come from the recorded states themselves, which embed the named objects.
 */
export interface ChangeLine {
  tone: 'plus' | 'minus' | 'change';
  text: string;
}

interface Names {
  permissionGroup: (id: string) => string;
  resource: (id: string) => { label: string; scope?: ScopeLike[] };
  keys: KeyNames;
}

function namesFrom(groups: Array<GroupSnapshot | null>, keyNames: KeyNames): Names {
  const pgs = new Map<string, string>();
  const rgs = new Map<string, NamedRef>();
  for (const g of groups) {
    for (const p of g?.policies ?? []) {
      for (const pg of p.permission_groups) if (pg.name) pgs.set(pg.id, pg.name);
      for (const rg of p.resource_groups) rgs.set(rg.id, rg);
    }
  }
  return {
    keys: keyNames,
    permissionGroup: (id) => pgs.get(id) ?? `permission group ${id.slice(0, 8)}…`,
    resource: (id) => {
      const rg = rgs.get(id);
      return rg ? { label: resourceGroupLabel(rg, keyNames), scope: rg.scope } : { label: `resource group ${id.slice(0, 8)}…` };
    },
  };
}

const resourceId = (ref: DraftPolicy['resourceGroups'][number]) => ('id' in ref ? ref.id : ref.scope.key);

/** `zones: false` for a policy named as the subject of a change: the sentence short, its zones left to the lines. */
function policySentence(p: DraftPolicy, names: Names, { zones = true } = {}): string {
  return summarizePolicy({
    access: p.access,
    permissionGroups: p.permissionGroups.map(names.permissionGroup),
    resources: p.resourceGroups.map((ref) => names.resource(resourceId(ref))),
    ...(zones ? { names: names.keys } : {}),
  });
}

/** Each policy of a recorded group in one sentence, with names. */
export function policySentences(group: GroupSnapshot | null, keyNames: KeyNames): string[] {
  const names = namesFrom([group], keyNames);
  return draftFromServer(group?.policies ?? []).map((p) => policySentence(p, names));
}

export function policyLines(before: GroupSnapshot | null, after: GroupSnapshot | null, keyNames: KeyNames): ChangeLine[] {
  const names = namesFrom([before, after], keyNames);
  const diff = diffPolicies(draftFromServer(before?.policies ?? []), draftFromServer(after?.policies ?? []));
  const lines: ChangeLine[] = [];
  for (const p of diff.added) lines.push({ tone: 'plus', text: `Policy added: ${policySentence(p, names)}` });
  for (const p of diff.removed) lines.push({ tone: 'minus', text: `Policy removed: ${policySentence(p, names)}` });
  for (const c of diff.changed) {
    const label = `Policy “${policySentence(c.before, names, { zones: false })}”`;
    if (c.access) lines.push({ tone: 'change', text: `${label}: ${c.access.from} → ${c.access.to}` });
    for (const id of c.permissionGroups.added) lines.push({ tone: 'plus', text: `${label}: + permission group ${names.permissionGroup(id)}` });
    for (const id of c.permissionGroups.removed) lines.push({ tone: 'minus', text: `${label}: − permission group ${names.permissionGroup(id)}` });
    for (const ref of c.resourceGroups.added) lines.push({ tone: 'plus', text: `${label}: + resource group ${names.resource(resourceId(ref)).label}` });
    for (const ref of c.resourceGroups.removed) lines.push({ tone: 'minus', text: `${label}: − resource group ${names.resource(resourceId(ref)).label}` });
  }
  return lines;
}

export function memberLines(before: unknown, after: unknown): ChangeLine[] {
  const was = asMembers(before) ?? [];
  const now = asMembers(after) ?? [];
  const wasIds = new Set(was.map((m) => m.id));
  const nowIds = new Set(now.map((m) => m.id));
  const label = (m: { id: string; email?: string }) => m.email ?? `member ${m.id.slice(0, 8)}…`;
  return [
    ...now.filter((m) => !wasIds.has(m.id)).map((m) => ({ tone: 'plus' as const, text: `Member added: ${label(m)}` })),
    ...was.filter((m) => !nowIds.has(m.id)).map((m) => ({ tone: 'minus' as const, text: `Member removed: ${label(m)}` })),
  ];
}

/** Bookkeeping fields every write moves; not a change anyone made. */
const IGNORED = new Set(['id', 'client_id', 'created_on', 'modified_on', 'created_at', 'updated_at', 'updated_on', 'policies', 'members']);

const show = (value: unknown, keyNames: KeyNames): string => {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v && 'key' in v)) {
    return value.map((s) => summarizeScope(s as ScopeLike, keyNames)).join('; ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

export function fieldLines(before: unknown, after: unknown, keyNames: KeyNames): ChangeLine[] {
  const was = asRecord(before) ?? {};
  const now = asRecord(after) ?? {};
  const lines: ChangeLine[] = [];
  for (const key of [...new Set([...Object.keys(was), ...Object.keys(now)])]) {
    if (IGNORED.has(key) || JSON.stringify(was[key]) === JSON.stringify(now[key])) continue;
    const field = key.replace(/_/g, ' ');
    const isList = Array.isArray(was[key]) || Array.isArray(now[key]);
    if (isList && key !== 'scope') {
      const a = new Set(((was[key] ?? []) as unknown[]).map((v) => JSON.stringify(v)));
      const b = new Set(((now[key] ?? []) as unknown[]).map((v) => JSON.stringify(v)));
      for (const v of b) if (!a.has(v)) lines.push({ tone: 'plus', text: `${field}: + ${show(JSON.parse(v), keyNames)}` });
      for (const v of a) if (!b.has(v)) lines.push({ tone: 'minus', text: `${field}: − ${show(JSON.parse(v), keyNames)}` });
      continue;
    }
    // A creation has no "before": say what it was created with.
    if (before == null) lines.push({ tone: 'plus', text: `${field}: ${show(now[key], keyNames)}` });
    else lines.push({ tone: 'change', text: `${field}: ${show(was[key], keyNames)} → ${show(now[key], keyNames)}` });
  }
  return lines;
}

function refusalText(errors: unknown): string {
  const messages = Array.isArray(errors)
    ? errors.flatMap((e) => (e && typeof (e as { message?: unknown }).message === 'string' ? [`${(e as { message: string }).message}${typeof (e as { code?: unknown }).code === 'number' ? ` (${(e as { code: number }).code})` : ''}`] : []))
    : [];
  return messages.length ? `: ${messages.join('; ')}` : '';
}

export interface ChangeSummary {
  lines: ChangeLine[];
  /** One line when there is no before/after to compare (e.g. an audit entry without values). */
  note?: string;
}

export function describeChange(
  entry: { action: string; resource: { type: string }; before: unknown; after: unknown; result?: { success: boolean; errors?: unknown } },
  keyNames: KeyNames,
): ChangeSummary {
  const { before, after } = entry;
  // A refused write changed nothing: its "before" against an empty "after" is no diff to show.
  if (entry.result && !entry.result.success) return { lines: [], note: `Nothing changed: the API refused this request${refusalText(entry.result.errors)}.` };
  if (before == null && after == null) return { lines: [], note: 'No before or after state was recorded for this change.' };
  if (entry.resource.type === 'user_group_members') return { lines: memberLines(before, after) };
  if (entry.resource.type === 'user_group') {
    const was = asGroup(before);
    const now = asGroup(after);
    const lines = [...fieldLines(before, after, keyNames), ...policyLines(was, now, keyNames)];
    if (entry.action === 'delete' && was) {
      const note = `The group had ${pluralize(was.policies.length, 'policy', 'policies')}${was.members ? ` and ${pluralize(was.members.length, 'member')}` : ''}.`;
      return { lines: policyLines(was, null, keyNames), note };
    }
    return { lines };
  }
  return { lines: fieldLines(before, after, keyNames) };
}
