import { DomainName, domainLabel } from '@/components/ui/domain-name';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { consoleModeQuery } from '@/api/accounts/queries';
import { ssoConnectorQuery } from '@/api/sso/queries';
import { PageHeader } from '@/components/layout/page-header';
import { onDemand } from '@/components/ui/on-demand';
import { useAccountId } from '@/stores/current-account';
import { useVerificationPolling } from '../use-verification-polling';
import { deriveWizardStep } from '../wizard-step';
import { DnsRecordStep } from './dns-record-step';
import { EnableStep } from './enable-step';
import { SetupSummary } from './setup-summary';
import { VerifyStep } from './verify-step';
import { WizardStepper } from './wizard-stepper';

/** Sandbox mode only (live mode never shows it): the panel and its form library load when it is shown. */
const sandboxDnsPanel = onDemand(() => import('./sandbox-dns-panel'));

/**
 * /sso/$connectorId/setup: the wizard after the connector exists. The step comes from the
 * connector's server state alone (deriveWizardStep), so reload, back and coming back later all
 * land where the admin left off.
 */
export function SetupWizard({ connectorId }: { connectorId: string }) {
  const accountId = useAccountId();
  const query = useSuspenseQuery(ssoConnectorQuery(accountId, connectorId));
  const { data: mode } = useSuspenseQuery(consoleModeQuery);
  const connector = query.data;
  const step = deriveWizardStep(connector);
  const domain = connector.email_domain ?? '';
  const code = connector.verification?.code ?? '';
  useVerificationPolling(accountId, connectorId, connector.verification?.status === 'pending' && !connector.enabled);

  // When the step changes under the admin (verification settled, SSO enabled), move focus to the
  // new step's heading so keyboard and screen-reader users continue from there.
  const section = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    section.current?.querySelector<HTMLElement>('#sso-step-title')?.focus();
  }, [step]);

  const needsRecord = step === 'dns' || step === 'verify';
  const showPanel = mode.mode === 'sandbox' && needsRecord;
  const Panel = sandboxDnsPanel.useLoaded(showPanel ? 'mount' : false)?.SandboxDnsPanel;
  return (
    <div className="page sso-wizard">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/sso" params={{ accountId }}>SSO</Link> /{' '}
        <Link to="/accounts/$accountId/sso/$connectorId" params={{ accountId, connectorId }}>
          {domain ? <DomainName domain={domain} /> : connectorId}
        </Link>{' '}
        /
      </p>
      <PageHeader title={`Set up SSO for ${domain ? domainLabel(domain) : 'this domain'}`} />
      <WizardStepper step={step} />
      {needsRecord && !code ? (
        <div className="banner banner-error" role="alert">
          The API returned no verification code for this connector, so there is no record to publish. Delete it and
          connect the domain again.
        </div>
      ) : null}
      <div className={`sso-wizard-body${showPanel ? ' sso-wizard-with-aside' : ''}`} ref={section}>
        <div>
          {step === 'dns' && code ? <DnsRecordStep accountId={accountId} connector={connector} domain={domain} code={code} /> : null}
          {step === 'verify' && code ? (
            <VerifyStep
              accountId={accountId}
              connector={connector}
              domain={domain}
              code={code}
              lastCheckedAt={query.dataUpdatedAt}
              checking={query.isFetching}
              checkError={query.error}
              onCheckNow={() => void query.refetch()}
            />
          ) : null}
          {step === 'enable' ? <EnableStep accountId={accountId} connector={connector} domain={domain} /> : null}
          {step === 'done' ? <SetupSummary connector={connector} domain={domain} /> : null}
        </div>
        {showPanel && Panel ? <Panel domain={domain} /> : null}
      </div>
    </div>
  );
}
