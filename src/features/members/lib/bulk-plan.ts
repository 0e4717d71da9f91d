/**
 * What a bulk "add to groups" / "remove from groups" would do, worked out from the index before
 * anything is sent: per group, who changes and who is already as asked, and how many API
 * requests it takes (adding is one POST per group for everyone; removing is one DELETE per person
 * and group, as the API has no bulk removal).
 */
export interface PlanMember {
  id: string;
  email: string;
  groupIds: ReadonlySet<string>;
}

export interface PlanGroup {
  id: string;
  name: string;
}

export interface GroupStep {
  group: PlanGroup;
  change: PlanMember[];
  unchanged: PlanMember[];
}

export interface BulkPlan {
  action: 'add' | 'remove';
  steps: GroupStep[];
  requests: number;
  changes: number;
}

export function planBulk(action: 'add' | 'remove', members: PlanMember[], groups: PlanGroup[]): BulkPlan {
  const steps = groups.map((group) => {
    const inGroup = (m: PlanMember) => m.groupIds.has(group.id);
    const change = members.filter((m) => (action === 'add' ? !inGroup(m) : inGroup(m)));
    const unchanged = members.filter((m) => !change.includes(m));
    return { group, change, unchanged };
  });
  const changes = steps.reduce((n, s) => n + s.change.length, 0);
  const requests = action === 'add' ? steps.filter((s) => s.change.length > 0).length : changes;
  return { action, steps, requests, changes };
}
