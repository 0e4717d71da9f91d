import { Link } from '@tanstack/react-router';
import { InertName } from '@/components/ui/inert-name';
import type { AffectedObject, FixTarget } from '@/lib/analyzer/finding';

/** An object a finding names, as a link to where it lives (zones have no page of their own). */
export function ObjectLink({ accountId, object }: { accountId: string; object: AffectedObject }) {
  switch (object.kind) {
    case 'user-group':
      return <Link to="/accounts/$accountId/groups/$groupId" params={{ accountId, groupId: object.id }}><InertName>{object.name}</InertName></Link>;
    case 'policy':
      return <Link to="/accounts/$accountId/groups/$groupId/policies" params={{ accountId, groupId: object.groupId }}><InertName>{object.name}</InertName></Link>;
    case 'member':
      return <Link to="/accounts/$accountId/members/$memberId" params={{ accountId, memberId: object.id }}><InertName>{object.name}</InertName></Link>;
    case 'resource-group':
      return <Link to="/accounts/$accountId/resource-groups" params={{ accountId }} search={{ q: object.name }}><InertName>{object.name}</InertName></Link>;
    case 'sso-connector':
      return <Link to="/accounts/$accountId/sso/$connectorId" params={{ accountId, connectorId: object.id }}><InertName>{object.name}</InertName></Link>;
    case 'oauth-client':
      return <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId: object.id }}><InertName>{object.name}</InertName></Link>;
    case 'permission-group':
      return <Link to="/accounts/$accountId/permission-groups/$permissionGroupId" params={{ accountId, permissionGroupId: object.id }}><InertName>{object.name}</InertName></Link>;
    case 'zone':
      return <InertName className="mono">{object.name}</InertName>;
  }
}

/** The finding's fix: a link to the screen where it is made (a short label; `ariaLabel` names the finding). */
export function FixLink({ accountId, target, label, ariaLabel }: { accountId: string; target: FixTarget; label: string; ariaLabel?: string }) {
  const className = 'btn btn-small';
  switch (target.screen) {
    case 'group-members':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/groups/$groupId/members" params={{ accountId, groupId: target.groupId }}>{label}</Link>;
    case 'group-policies':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/groups/$groupId/policies" params={{ accountId, groupId: target.groupId }}>{label}</Link>;
    case 'group-overview':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/groups/$groupId" params={{ accountId, groupId: target.groupId }}>{label}</Link>;
    case 'resource-groups':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/resource-groups" params={{ accountId }}>{label}</Link>;
    case 'sso-connector':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/sso/$connectorId" params={{ accountId, connectorId: target.connectorId }}>{label}</Link>;
    case 'oauth-client':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId: target.clientId }}>{label}</Link>;
    case 'member':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/members/$memberId" params={{ accountId, memberId: target.memberId }}>{label}</Link>;
    case 'access-reviews':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/reviews" params={{ accountId }}>{label}</Link>;
    case 'access-review':
      return <Link className={className} aria-label={ariaLabel} to="/accounts/$accountId/reviews/$reviewId" params={{ accountId, reviewId: target.reviewId }}>{label}</Link>;
  }
}
