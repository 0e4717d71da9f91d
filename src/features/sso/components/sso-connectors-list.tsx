import { DomainName } from '@/components/ui/domain-name';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ssoConnectorsQuery } from '@/api/sso/queries';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { deriveWizardStep, type WizardStep } from '../wizard-step';
import { EnabledBadge, VerificationBadge } from './verification-badge';

/** What the wizard would ask next, so an unfinished setup is one click from where it stopped. */
const nextAction: Record<Exclude<WizardStep, 'domain' | 'done'>, string> = {
  dns: 'Publish DNS record',
  verify: 'Check verification',
  enable: 'Enable SSO',
};

export function SsoConnectorsList() {
  const accountId = useAccountId();
  const { data: connectors } = useSuspenseQuery(ssoConnectorsQuery(accountId));
  const connect = (
    <Link to="/accounts/$accountId/sso/new" params={{ accountId }} className="btn btn-primary">
      Connect a domain
    </Link>
  );
  return (
    <div className="page">
      <PageHeader
        title="SSO"
        description="Email domains whose people sign in to the Cloudflare dashboard through your identity provider."
        actions={connectors.length ? connect : undefined}
      />
      {connectors.length === 0 ? (
        <EmptyState title="No SSO domains yet" action={connect}>
          Connect an email domain you control to require SSO for its people. Setup takes a DNS record and a few minutes.
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">SSO connectors</caption>
          <thead>
            <tr>
              <th scope="col">Email domain</th>
              <th scope="col">Verification</th>
              <th scope="col">SSO</th>
              <th scope="col">Setup</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {connectors.map((c) => {
              const step = deriveWizardStep(c);
              return (
                <tr key={c.id}>
                  <td>
                    <Link to="/accounts/$accountId/sso/$connectorId" params={{ accountId, connectorId: c.id }} className="mono">
                      {c.email_domain ? <DomainName domain={c.email_domain} /> : c.id}
                    </Link>
                  </td>
                  <td>
                    <VerificationBadge status={c.verification?.status} />
                  </td>
                  <td>
                    <EnabledBadge enabled={c.enabled} domain={c.email_domain} />
                  </td>
                  <td>
                    {step === 'done' || step === 'domain' ? (
                      <span className="muted">Complete</span>
                    ) : (
                      <Link
                        to="/accounts/$accountId/sso/$connectorId/setup" params={{ accountId, connectorId: c.id }}
                        aria-label={`${nextAction[step]} for ${c.email_domain ?? c.id}`}
                      >
                        {nextAction[step]}
                      </Link>
                    )}
                  </td>
                  <td>{formatDate(c.created_on)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
