import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { AccessMatrixView, AccessModelNote } from '../../../components/access-matrix/access-matrix';
import { PageHeader } from '../../../components/layout/page-header';
import { useKeyNames } from '../../../components/scope-builder/use-key-names';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { computeEffectiveAccess, groupAccessPolicies } from '../../../lib/effective-access';
import { pluralize } from '../../../lib/format';
import { summarizePolicy } from '../../../lib/policy-summary';
import { resourceGroupLabel, scopesOfPolicies } from '../../../lib/scope-keys';
import { useAccountId } from '../../../stores/current-account';
import { useMemberGroups } from '../use-member-groups';
import { MemberLookup } from './member-lookup';

/**
 * "Why does this person have access": every group the member is in, what each policy of those
 * groups grants or denies, and the combined matrix naming the deciding group and policy per cell.
 */
export function MemberAccessPage({ memberId, email }: { memberId: string; email?: string }) {
  const accountId = useAccountId();
  const scan = useMemberGroups(accountId, memberId);
  const names = useKeyNames(useMemo(() => scan.memberOf.flatMap((g) => scopesOfPolicies(g.policies)), [scan.memberOf]));
  const policies = useMemo(
    () => scan.memberOf.flatMap((g) => groupAccessPolicies(g, (rg) => resourceGroupLabel(rg, names))),
    [scan.memberOf, names],
  );
  const matrix = useMemo(() => computeEffectiveAccess(policies), [policies]);
  const person = scan.member;
  const who = person?.email ?? email ?? memberId;
  const fullName = [person?.user?.first_name, person?.user?.last_name].filter(Boolean).join(' ');
  const total = scan.candidates.length;

  return (
    <div className="page member-access">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/groups" params={{ accountId }}>User groups</Link> / Member
      </p>
      <PageHeader title={`Access of ${who}`} description={fullName ? `${fullName} · member ${memberId}` : `Member ${memberId}`} />
      <MemberLookup />

      {scan.groupsError ? <ErrorBanner error={scan.groupsError} title="Could not list the user groups" /> : null}
      <section aria-labelledby="member-scan-heading" className="card">
        <h2 id="member-scan-heading">Groups</h2>
        {!scan.groups ? (
          <p role="status">Listing the account’s user groups…</p>
        ) : (
          <>
            <label className="scan-progress">
              <span>
                {scan.done ? 'Checked' : 'Checking'} {scan.checked} of {pluralize(total, 'group')} that have policies
                {scan.groups.length > total ? ` (${scan.groups.length - total} without policies skipped: they grant nothing)` : ''}
              </span>
              <progress max={Math.max(1, total)} value={scan.checked} />
            </label>
            <p className="muted">
              The API cannot list a member’s groups, so each group is asked whether this person is in it.
            </p>
          </>
        )}
        {scan.failed.length ? (
          <div className="banner banner-warning" role="status">
            Could not check {pluralize(scan.failed.length, 'group')}: {scan.failed.map((f) => f.group.name).join(', ')}. The answer below may be
            incomplete.
          </div>
        ) : null}
        {scan.memberOf.length ? (
          <ul className="member-groups">
            {scan.memberOf.map((g) => (
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
                      })}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        ) : scan.done ? (
          <p>Not in any group that has policies: this person gets no access through user groups.</p>
        ) : null}
      </section>

      <section aria-labelledby="member-matrix-heading">
        <h2 id="member-matrix-heading">What {who} can do</h2>
        {!scan.done ? <p className="muted">Still checking groups: the matrix fills in as they answer.</p> : null}
        <AccessMatrixView matrix={matrix} names={names} caption={`Effective access of ${who}`} withGroup />
        <AccessModelNote />
        <p className="muted">Only access through user groups is shown; roles given to the member directly in the account are not part of this API.</p>
      </section>
    </div>
  );
}
