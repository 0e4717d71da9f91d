import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ApiError } from '@/api/api-error';
import { indexedMemberQuery } from '@/api/membership-index';
import { AccessMatrixView, AccessModelNote } from '@/components/access-matrix/access-matrix';
import { PageHeader } from '@/components/layout/page-header';
import { MemberTimeBound } from './member-time-bound';
import { IndexAge } from '@/components/membership-index/index-age';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { Badge } from '@/components/ui/badge';
import { ErrorBanner } from '@/components/ui/error-banner';
import { computeEffectiveAccess, groupAccessPolicies, memberAccessPolicies } from '@/lib/effective-access';
import { formatDateTime } from '@/lib/format';
import { summarizePolicy } from '@/lib/policy-summary';
import { resourceGroupLabel, scopesOfPolicies } from '@/lib/scope-keys';
import { useAccountId } from '@/stores/current-account';
import { MemberLookup } from './member-lookup';
import { InertName } from '@/components/ui/inert-name';

/**
 * "Why does this person have access": the member's groups from the membership index (one
 * /console-api call, no per-group fan-out), what each policy of those groups grants or denies,
 * and the combined matrix naming the deciding group and policy per cell.
 */
export function MemberAccessPage({ memberId }: { memberId: string }) {
  const accountId = useAccountId();
  const query = useQuery(indexedMemberQuery(accountId, memberId));
  const groups = useMemo(() => query.data?.groups ?? [], [query.data]);
  const person = query.data?.member;
  const names = useKeyNames(useMemo(() => [...groups.flatMap((g) => scopesOfPolicies(g.policies)), ...scopesOfPolicies(person?.policies)], [groups, person]));
  // The member's own grants (legacy roles, member policies) count beside their groups' (Decision 7).
  const policies = useMemo(
    () => [
      ...groups.flatMap((g) => groupAccessPolicies(g, (rg) => resourceGroupLabel(rg, names))),
      ...(person ? memberAccessPolicies(person, { accountId, labelOf: (rg) => resourceGroupLabel(rg, names) }) : []),
    ],
    [groups, names, person, accountId],
  );
  const matrix = useMemo(() => computeEffectiveAccess(policies), [policies]);
  const missing = query.error instanceof ApiError && query.error.status === 404;
  const who = person?.email ?? memberId;
  const fullName = [person?.first_name, person?.last_name].filter(Boolean).join(' ');
  const known = person?.groups_known ?? true;
  const unread = query.data?.groups_unread ?? 0;

  return (
    <div className="page member-access">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/members" params={{ accountId }}>
          Members
        </Link> / Member
      </p>
      {missing ? (
        <>
          <PageHeader title="No such member" description={`Member ${memberId}`} />
          <div className="banner banner-warning" role="alert">
            No such member: nobody with id {memberId} is a member of this account (as of the membership index’s last pass). They may have
            been removed, or the link may be wrong.
          </div>
          <MemberLookup />
        </>
      ) : (
        <>
          <PageHeader
            title={
              <>
                Access of <InertName>{who}</InertName>
              </>
            }
            description={fullName ? <><InertName>{fullName}</InertName> · member {memberId}</> : `Member ${memberId}`}
          />
          {person ? <p>{person.status === 'pending' ? <Badge tone="warning">Pending invitation: no access until accepted</Badge> : <Badge tone="success">Accepted</Badge>}</p> : null}
          {query.data ? <IndexAge accountId={accountId} index={query.data.index} /> : null}
          {query.data && !known ? (
            <div className="banner banner-warning" role="status">
              {unread.toLocaleString()}
              {query.data.index.totals.groups !== null ? ` of ${query.data.index.totals.groups.toLocaleString()}` : ''} groups are not read yet, and {who} may
              be in some of them: the groups and access below are what is known so far, not necessarily all of it.
            </div>
          ) : null}
          {person?.looked_up_at && query.data?.index.state === 'building' ? (
            <p className="muted">
              {who}’s groups were read directly from Cloudflare (SCIM Users) at {formatDateTime(person.looked_up_at)}, ahead of the rest of the
              account.
            </p>
          ) : null}
          <MemberLookup />
          {query.error && !missing ? <ErrorBanner error={query.error} title="Could not read this member’s groups" onRetry={() => void query.refetch()} /> : null}
          <section aria-labelledby="member-groups-heading" className="card">
            <h2 id="member-groups-heading">Groups</h2>
            {!query.data ? (
              <p role="status">{query.isPending ? 'Reading the membership index…' : ''}</p>
            ) : groups.length ? (
              <ul className="member-groups">
                {groups.map((g) => (
                  <li key={g.id}>
                    <Link to="/accounts/$accountId/groups/$groupId/access" params={{ accountId, groupId: g.id }}>
                      {g.name}
                    </Link>
                    <ol className="policy-list">
                      {(g.policies ?? []).map((p, i) => (
                        <li key={p.id ?? i}>
                          {summarizePolicy({
                            access: p.access ?? 'allow',
                            permissionGroups: (p.permission_groups ?? []).map((pg) => pg.name ?? pg.id),
                            resources: (p.resource_groups ?? []).map((rg) => ({ label: resourceGroupLabel(rg, names), scope: rg.scope })),
                            names,
                          })}
                        </li>
                      ))}
                      {(g.policies ?? []).length === 0 ? <li className="muted">No policies: this group grants nothing.</li> : null}
                    </ol>
                  </li>
                ))}
              </ul>
            ) : !known ? (
              <p>Not found in any group read so far; {unread.toLocaleString()} groups are still unread.</p>
            ) : (
              <p>Not in any user group: this person gets no access through user groups.</p>
            )}
          </section>
          <MemberTimeBound accountId={accountId} memberId={memberId} who={who} />
          <section aria-labelledby="member-matrix-heading">
            <h2 id="member-matrix-heading">What {who} can do</h2>
            <AccessMatrixView matrix={matrix} names={names} caption={`Effective access of ${who}`} withGroup />
            <AccessModelNote />
            {person?.roles?.length || person?.policies?.length ? (
              <p>
                Held directly, not through a group:{' '}
                {[...(person.roles ?? []).map((r) => `role ${r.name ?? r.id ?? ''}`), ...(person.policies ?? []).map((_, i) => `member policy ${i + 1}`)].join(', ')}.
              </p>
            ) : (
              <p className="muted">No roles or member policies of their own: all of this comes from user groups.</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
