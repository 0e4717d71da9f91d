import { Link } from '@tanstack/react-router';
import type { SsoConnector } from '@/api/sso/schema';
import { formatDateTime } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { VerificationBadge } from './verification-badge';

/** The end of the wizard: what is now true, and what to do next. */
export function SetupSummary({ connector, domain }: { connector: SsoConnector; domain: string }) {
  const accountId = useAccountId();
  return (
    <section className="card sso-step" aria-labelledby="sso-step-title">
      <h2 id="sso-step-title" tabIndex={-1}>
        SSO is on for {domain}
      </h2>
      <dl className="details sso-summary">
        <dt>Email domain</dt>
        <dd className="mono">{domain}</dd>
        <dt>Verification</dt>
        <dd>
          <VerificationBadge status={connector.verification?.status} />
        </dd>
        <dt>SSO</dt>
        <dd>Enabled</dd>
        <dt>FedRAMP language</dt>
        <dd>{connector.use_fedramp_language ? 'Shown at login' : 'Not shown'}</dd>
        <dt>Last changed</dt>
        <dd>{formatDateTime(connector.updated_on)}</dd>
      </dl>
      <h3>Next</h3>
      <ul>
        <li>Sign in as an @{domain} user in a private window to see the SSO login work end to end.</li>
        <li>Keep your fallback (an API token or a super administrator outside {domain}) for as long as SSO is on.</li>
      </ul>
      <div className="sso-step-actions">
        <Link to="/accounts/$accountId/sso/$connectorId" params={{ accountId, connectorId: connector.id }} className="btn btn-primary">
          View connector
        </Link>
        <Link to="/accounts/$accountId/sso" params={{ accountId }} className="btn">
          Back to SSO list
        </Link>
      </div>
    </section>
  );
}
