import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet } from '@tanstack/react-router';
import { useState } from 'react';
import { userGroupQuery } from '@/api/user-groups/queries';
import { PageHeader } from '@/components/layout/page-header';
import { useAccountId } from '@/stores/current-account';
import { Badge } from '@/components/ui/badge';
import { MANAGED_LABEL, MANAGED_REASON, lockedProps, managedReasonId, useGroupManaged } from '../scim-managed';
import { DeleteUserGroupDialog } from './delete-user-group-dialog';
import { InertName } from '@/components/ui/inert-name';

const tabs = [
  { to: '/accounts/$accountId/groups/$groupId', label: 'Overview', exact: true },
  { to: '/accounts/$accountId/groups/$groupId/policies', label: 'Policies', exact: false },
  { to: '/accounts/$accountId/groups/$groupId/members', label: 'Members', exact: false },
  { to: '/accounts/$accountId/groups/$groupId/access', label: 'Access', exact: false },
  { to: '/accounts/$accountId/groups/$groupId/history', label: 'History', exact: false },
] as const;

/** A user group's page: its name and the tabs, each tab a child route. */
export function UserGroupLayout({ groupId }: { groupId: string }) {
  const accountId = useAccountId();
  const { data: group } = useSuspenseQuery(userGroupQuery(accountId, groupId));
  const [deleting, setDeleting] = useState(false);
  const managed = useGroupManaged(accountId, groupId);
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/groups" params={{ accountId }}>User groups</Link> /
      </p>
      <PageHeader
        title={<InertName>{group.name}</InertName>}
        actions={
          <>
            <Link to="/accounts/$accountId/terraform" search={{ groups: groupId }} params={{ accountId }} className="btn">
              Export as Terraform
            </Link>
            {managed ? (
            <button type="button" className="btn ug-btn-danger-outline" {...lockedProps(groupId)}>
              Delete group
            </button>
          ) : (
            <button type="button" className="btn ug-btn-danger-outline" onClick={() => setDeleting(true)}>
              Delete group
            </button>
          )}
          </>
        }
      />
      {managed ? (
        <div className="banner banner-info scim-managed" role="note" aria-label={MANAGED_LABEL}>
          <Badge tone="info">{MANAGED_LABEL}</Badge> <span id={managedReasonId(groupId)}>{MANAGED_REASON}</span>
        </div>
      ) : null}
      <nav className="tabs" aria-label="User group sections">
        {tabs.map((tab) => (
          <Link
            key={tab.to}
            to={tab.to}
            params={{ accountId, groupId }}
            className="tab"
            activeOptions={{ exact: tab.exact, includeSearch: false }}
            activeProps={{ className: 'tab active', 'aria-current': 'page' }}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <Outlet />
      <DeleteUserGroupDialog group={group} open={deleting} onOpenChange={setDeleting} />
    </div>
  );
}
