import type { PolicyInput } from '@/api/user-groups/schema';
import type { GroupSnapshot } from './snapshots';

/**
 * The POST that re-creates a deleted group from its recorded state. Resource groups deleted since
 * cannot be referenced: they are left out, and a policy left with none is dropped, each said plainly.
 */
export interface RecreateRequest {
  name: string;
  policies: PolicyInput[];
  memberIds: string[];
  dropped: string[];
}

export function recreateRequest(group: GroupSnapshot & { name: string }, existingResourceGroups: ReadonlySet<string>): RecreateRequest {
  const dropped: string[] = [];
  const policies: PolicyInput[] = [];
  group.policies.forEach((p, i) => {
    const missing = p.resource_groups.filter((rg) => !existingResourceGroups.has(rg.id));
    for (const rg of missing) dropped.push(`Policy ${i + 1}: resource group “${rg.name ?? rg.id}” no longer exists and is left out.`);
    const kept = p.resource_groups.filter((rg) => existingResourceGroups.has(rg.id));
    if (!kept.length || !p.permission_groups.length) {
      dropped.push(`Policy ${i + 1} is not re-created: it would act on nothing.`);
      return;
    }
    policies.push({ access: p.access, permission_groups: p.permission_groups.map(({ id }) => ({ id })), resource_groups: kept.map(({ id }) => ({ id })) });
  });
  return { name: group.name, policies, memberIds: (group.members ?? []).map((m) => m.id), dropped };
}

/** The membership after undoing a change: who it added leaves, who it removed comes back; others stay. */
export function revertedMembership(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const gone = new Set(remove);
  const out = current.filter((id) => !gone.has(id));
  for (const id of add) if (!out.includes(id)) out.push(id);
  return out;
}
