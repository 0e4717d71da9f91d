import { normalizeScopes } from '@/api/common-schema';
import type { ScopeLike } from '@/lib/scope-keys';

/**
 * The journal's before/after states, read defensively: they come from the API (or an audit log)
 * and are only as complete as what was recorded.
 */
export interface NamedRef {
  id: string;
  name?: string;
  scope?: ScopeLike[];
}

export interface GroupSnapshot {
  id?: string;
  name?: string;
  policies: Array<{ id?: string; access: 'allow' | 'deny'; permission_groups: NamedRef[]; resource_groups: NamedRef[] }>;
  /** Present on a deletion's before-state: the members the group had. */
  members?: MemberSnapshot[];
}

export interface MemberSnapshot {
  id: string;
  email?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

function refs(value: unknown): NamedRef[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((r) =>
    typeof r.id === 'string' ? [{ id: r.id, name: typeof r.name === 'string' ? r.name : undefined, scope: r.scope == null ? undefined : normalizeScopes(r.scope) }] : [],
  );
}

export function asMembers(value: unknown): MemberSnapshot[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(isObject).flatMap((m) => (typeof m.id === 'string' ? [{ id: m.id, email: typeof m.email === 'string' ? m.email : undefined }] : []));
}

export function asGroup(value: unknown): GroupSnapshot | null {
  if (!isObject(value)) return null;
  const policies = Array.isArray(value.policies) ? value.policies.filter(isObject) : [];
  return {
    id: typeof value.id === 'string' ? value.id : undefined,
    name: typeof value.name === 'string' ? value.name : undefined,
    policies: policies.map((p) => ({
      id: typeof p.id === 'string' ? p.id : undefined,
      access: p.access === 'deny' ? 'deny' : 'allow',
      permission_groups: refs(p.permission_groups),
      resource_groups: refs(p.resource_groups),
    })),
    members: asMembers(value.members) ?? undefined,
  };
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return isObject(value) ? value : null;
}

/**
 * Every scope a set of recorded states names — the resource groups of a group's policies and a
 * resource group's own scope — so a page of History names all its zones in one batched lookup.
 */
export function scopesOfStates(states: readonly unknown[]): ScopeLike[] {
  return states.flatMap((state) => {
    const record = asRecord(state);
    if (!record) return [];
    const own = record.scope == null ? [] : normalizeScopes(record.scope);
    const inPolicies = (asGroup(state)?.policies ?? []).flatMap((p) => p.resource_groups.flatMap((rg) => rg.scope ?? []));
    return [...own, ...inPolicies];
  });
}
