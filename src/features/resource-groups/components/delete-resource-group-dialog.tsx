import { useQuery } from '@tanstack/react-query';
import { allUserGroupsQuery } from '@/api/user-groups/queries';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { Badge } from '@/components/ui/badge';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { pluralize } from '@/lib/format';
import { countPolicies, policiesUsingResourceGroup, policyRemovedWith } from '@/lib/policy-references';
import { resourceGroupLabel } from '@/lib/scope-keys';
import { useDeleteResourceGroup } from '../api';

/**
 * Asks before deleting, listing every user-group policy that uses the group: the API takes it
 * out of those policies and drops a policy left with no resource group, so the admin should see
 * exactly whose access changes. A group in use must be confirmed by typing its name.
 */
export function DeleteResourceGroupDialog({ group, onClose }: { group: ResourceGroup; onClose: (deleted: boolean) => void }) {
  const names = useKeyNames(group.scope);
  const everyGroup = useQuery(allUserGroupsQuery(names.accountId));
  const remove = useDeleteResourceGroup();
  const refs = everyGroup.data ? policiesUsingResourceGroup(everyGroup.data, group.id) : null;
  const policyCount = refs ? countPolicies(refs) : null;
  const denies = refs?.some((r) => r.policies.some((p) => p.access === 'deny')) ?? false;
  const label = resourceGroupLabel(group, names);
  // A reference added since the last look must not be missed: wait for the refetch too.
  const checking = everyGroup.isFetching;

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose(false)}
      title={`Delete "${label}"?`}
      confirmLabel="Delete resource group"
      typeToConfirm={policyCount ? (group.name ?? group.id) : undefined}
      disabled={checking}
      pending={remove.isPending}
      onConfirm={() => {
        if (checking || remove.isPending) return;
        remove.mutate({ group, policyCount });
        onClose(true); // optimistic: the row is already gone; a refusal brings it back with a message
      }}
    >
      {everyGroup.isError ? (
        <ErrorBanner
          error={everyGroup.error}
          title="Could not check which policies use this group"
          onRetry={() => void everyGroup.refetch()}
        />
      ) : null}
      {checking ? (
        <p role="status">Checking which user-group policies use this group…</p>
      ) : null}
      {!refs ? null : refs.length === 0 ? (
        <p>No user-group policy uses this group. Deleting it changes nobody's access.</p>
      ) : (
        <>
          <p>
            {pluralize(policyCount ?? 0, 'policy', 'policies')} in {pluralize(refs.length, 'user group')} use this group. Deleting it
            removes it from them; a policy with no other resource group is deleted with it.
          </p>
          {denies ? (
            <p className="banner banner-warning">
              Some are <strong>deny</strong> policies: taking this group out of them lifts a restriction, so their members may
              gain access they do not have today.
            </p>
          ) : null}
          <ul className="reference-list" aria-label="Policies that use this resource group">
            {refs.map(({ group: userGroup, policies }) =>
              policies.map((p, i) => (
                <li key={`${userGroup.id}-${p.id ?? i}`}>
                  <strong>{userGroup.name}</strong> <Badge tone={p.access === 'deny' ? 'danger' : 'success'}>{p.access}</Badge>{' '}
                  {p.permissionGroups.map((pg) => pg.name ?? pg.id).join(', ') || 'no permission groups'}
                  {policyRemovedWith(p, group.id) ? (
                    <span className="reference-note reference-note-removed"> — this policy will be deleted</span>
                  ) : (
                    <span className="reference-note muted"> — keeps its other resource groups</span>
                  )}
                </li>
              )),
            )}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
