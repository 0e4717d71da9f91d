import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Severity } from '@/lib/analyzer/finding';
import type { AdminPosture, Posture, SsoState } from '@/lib/analyzer/posture';
import { formatDateTime } from '@/lib/format';

/**
 * How the account stands, first thing on its home page: one tile per question an admin asks
 * (who is admin and how, SSO per domain, who has not accepted, which OAuth client is mid-rotation,
 * what is open). Each tile keeps its size while it is still being read (no layout shift) and says
 * "Reading…" rather than a false 0.
 */

const SSO_STATE: Record<SsoState, { label: string; tone: BadgeTone }> = {
  enabled: { label: 'SSO on', tone: 'success' },
  verified: { label: 'Verified, off', tone: 'info' },
  pending: { label: 'Verifying', tone: 'warning' },
  failed: { label: 'Failed', tone: 'danger' },
  awaiting: { label: 'Not verified', tone: 'neutral' },
  unknown: { label: 'Unknown', tone: 'neutral' },
};

function Tile({ title, children, more }: { title: string; children: ReactNode; more?: ReactNode }) {
  const id = `posture-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="posture-tile" aria-labelledby={id}>
      <h2 id={id} className="posture-title">
        {title}
      </h2>
      <div className="posture-body">{children}</div>
      {more ? <div className="posture-more">{more}</div> : null}
    </section>
  );
}

const Reading = () => <p className="muted">Reading…</p>;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function AdminLine({ accountId, admin }: { accountId: string; admin: AdminPosture }) {
  const ways = [
    ...admin.viaGroups.slice(0, 2).map((g) => (
      <Link key={g.id} to="/accounts/$accountId/groups/$groupId" params={{ accountId, groupId: g.id }}>
        {g.name} ({g.holders})
      </Link>
    )),
    ...(admin.viaGroups.length > 2 ? [<span key="more-groups">{plural(admin.viaGroups.length - 2, 'more group')}</span>] : []),
    ...(admin.viaRoles ? [<span key="roles">{plural(admin.viaRoles, 'legacy role')}</span>] : []),
    ...(admin.viaMemberPolicies ? [<span key="member-policies">{plural(admin.viaMemberPolicies, 'member policy', 'member policies')}</span>] : []),
  ];
  return (
    <div className="posture-admin">
      <p className="posture-figure">
        <strong>{admin.holders}</strong> {admin.level === 'super' ? 'super administrators' : 'administrators'}
      </p>
      <p className="posture-detail">
        {ways.length ? 'through ' : 'nobody holds it'}
        {ways.map((w, i) => (
          <span key={i}>
            {i ? ', ' : ''}
            {w}
          </span>
        ))}
      </p>
    </div>
  );
}

/** `failed`: the findings could not be computed (said in the banner above), so nothing is being read any more. */
export function PosturePanel({ accountId, posture, severities, failed = false }: { accountId: string; posture: Posture | undefined; severities: Record<Severity, number> | undefined; failed?: boolean }) {
  const { admins, sso, pendingMembers, rotating } = posture ?? { admins: null, sso: null, pendingMembers: null, rotating: null };
  const waiting = failed ? <p className="muted">Not known</p> : <Reading />;
  return (
    <div className="posture" role="group" aria-label="How the account stands">
      <Tile title="Open findings">
        {severities ? (
          <ul className="posture-severities" aria-label="Open findings by severity">
            <li>
              <Badge tone="danger">{severities.critical} critical</Badge>
            </li>
            <li>
              <Badge tone="warning">{plural(severities.warning, 'warning')}</Badge>
            </li>
            <li>
              <Badge tone="info">{severities.info} info</Badge>
            </li>
          </ul>
        ) : (
          waiting
        )}
      </Tile>
      <Tile title="Admins">{admins ? admins.map((a) => <AdminLine key={a.level} accountId={accountId} admin={a} />) : waiting}</Tile>
      <Tile title="SSO" more={<Link to="/accounts/$accountId/sso" params={{ accountId }}>All connectors</Link>}>
        {sso === null ? (
          waiting
        ) : sso.length === 0 ? (
          <p>No SSO domain: everyone logs in with a password.</p>
        ) : (
          <ul className="posture-list" aria-label="SSO per domain">
            {sso.slice(0, 5).map((c) => (
              <li key={c.id}>
                <Link to="/accounts/$accountId/sso/$connectorId" params={{ accountId, connectorId: c.id }} className="posture-domain" title={c.domain}>
                  {c.domain}
                </Link>
                <Badge tone={SSO_STATE[c.state].tone}>{SSO_STATE[c.state].label}</Badge>
              </li>
            ))}
            {sso.length > 5 ? <li className="muted">and {plural(sso.length - 5, 'more domain')}</li> : null}
          </ul>
        )}
      </Tile>
      <Tile title="Invitations">
        {pendingMembers === null ? (
          waiting
        ) : (
          <p className="posture-figure">
            <Link to="/accounts/$accountId/members" params={{ accountId }} search={{ status: 'pending' }}>
              <strong>{pendingMembers}</strong> {pendingMembers === 1 ? 'member has' : 'members have'} not accepted
            </Link>
          </p>
        )}
      </Tile>
      <Tile title="OAuth secrets">
        {rotating === null ? (
          waiting
        ) : rotating.length === 0 ? (
          <p>No client is mid-rotation.</p>
        ) : (
          <ul className="posture-list" aria-label="Clients mid-rotation">
            {rotating.slice(0, 3).map((c) => (
              <li key={c.id}>
                <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId: c.id }}>
                  {c.name}
                </Link>
                <span className="posture-detail"> — old secret still valid{c.since ? ` since ${formatDateTime(c.since)}` : ''}</span>
              </li>
            ))}
            {rotating.length > 3 ? <li className="muted">and {plural(rotating.length - 3, 'more client')}</li> : null}
          </ul>
        )}
      </Tile>
    </div>
  );
}
