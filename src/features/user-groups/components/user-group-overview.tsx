import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { groupMembersQuery, userGroupQuery } from '@/api/user-groups/queries';
import { formatDateTime, pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { CopyButton } from '@/components/ui/copy-button';
import { RenameUserGroupForm } from './rename-user-group-form';
import { MEMBER_COUNT_PARAMS } from '../search-params';

/** The cheapest way to learn a group's size: one member per page, read result_info.total_count. */

export function UserGroupOverview({ groupId }: { groupId: string }) {
  const accountId = useAccountId();
  const { data: group } = useSuspenseQuery(userGroupQuery(accountId, groupId));
  const members = useQuery(groupMembersQuery(accountId, groupId, MEMBER_COUNT_PARAMS));
  const memberCount = members.data?.resultInfo?.total_count;
  const policyCount = group.policies?.length ?? 0;

  return (
    <div className="ug-overview-grid">
      <section className="card" aria-labelledby="rename-heading">
        <h2 id="rename-heading" className="ug-card-title">
          Name
        </h2>
        {/* Keyed by id: moving to another group starts a fresh form. */}
        <RenameUserGroupForm key={group.id} group={group} />
      </section>

      <section className="card" aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="ug-card-title">
          At a glance
        </h2>
        <ul className="ug-stat-list">
          <li>
            <Link to="/accounts/$accountId/groups/$groupId/policies" params={{ accountId, groupId }} className="ug-stat">
              <span className="ug-stat-value">{policyCount.toLocaleString()}</span>
              <span className="ug-stat-label">{policyCount === 1 ? 'policy' : 'policies'}</span>
            </Link>
          </li>
          <li>
            <Link to="/accounts/$accountId/groups/$groupId/members" params={{ accountId, groupId }} className="ug-stat">
              <span className="ug-stat-value">{memberCount === undefined ? '…' : memberCount.toLocaleString()}</span>
              <span className="ug-stat-label">{memberCount === 1 ? 'member' : 'members'}</span>
            </Link>
          </li>
        </ul>
        {members.isError ? <p className="field-error">The member count could not be loaded.</p> : null}
        {memberCount === 0 ? (
          <p className="muted">
            Nobody gets this group’s access yet. <Link to="/accounts/$accountId/groups/$groupId/members" params={{ accountId, groupId }}>Add members</Link>.
          </p>
        ) : null}
        {policyCount === 0 ? <p className="muted">With no policies, membership grants nothing.</p> : null}
      </section>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading" className="ug-card-title">
          Details
        </h2>
        <dl className="details">
          <dt>Group ID</dt>
          <dd className="ug-id-row">
            <code className="mono">{group.id}</code>
            <CopyButton value={group.id} label="Copy group ID" />
          </dd>
          <dt>Account ID</dt>
          <dd className="ug-id-row">
            <code className="mono">{accountId}</code>
            <CopyButton value={accountId} label="Copy account ID" />
          </dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={group.created_on}>{formatDateTime(group.created_on)}</time>
          </dd>
          <dt>Last modified</dt>
          <dd>
            <time dateTime={group.modified_on}>{formatDateTime(group.modified_on)}</time>
          </dd>
          <dt>Policies</dt>
          <dd>{pluralize(policyCount, 'policy', 'policies')}</dd>
        </dl>
      </section>
    </div>
  );
}
