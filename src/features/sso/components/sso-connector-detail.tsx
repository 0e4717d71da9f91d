import { DomainName, domainLabel } from '@/components/ui/domain-name';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { ssoConnectorQuery } from '@/api/sso/queries';
import { PageHeader } from '@/components/layout/page-header';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ACADEMIC_APPROVAL_NOTE, isAcademicDomain } from '@/lib/academic-domain';
import { formatDateTime } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';
import { forgetDeletedConnector, useDeleteSsoConnector, useUpdateSsoConnector } from '../api';
import { DeadlineTime, useVerificationDeadline } from '@/components/dns/verification-deadline';
import { deriveWizardStep } from '../wizard-step';
import { CopyButton } from '@/components/ui/copy-button';
import { EnabledBadge, VerificationBadge } from './verification-badge';
import { SsoEnabledDialog } from './sso-enabled-dialog';

/** /sso/$connectorId: every field of the connector, and the changes that can be made to it. */
export function SsoConnectorDetail({ connectorId }: { connectorId: string }) {
  const accountId = useAccountId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: connector } = useSuspenseQuery(ssoConnectorQuery(accountId, connectorId));
  const toggle = useUpdateSsoConnector(accountId, connectorId);
  const fedramp = useUpdateSsoConnector(accountId, connectorId);
  // The admin's FedRAMP choice from the click until its save settles: set in the change event
  // itself, so React does not put the box back to the stored value before the save reports pending.
  const [fedrampChoice, setFedrampChoice] = useState<boolean | null>(null);
  const remove = useDeleteSsoConnector(accountId, connectorId);
  const [dialog, setDialog] = useState<'enabled' | 'delete' | null>(null);
  const ids = useId();
  const domain = connector.email_domain ?? connectorId;
  const status = connector.verification?.status;
  const step = deriveWizardStep(connector);
  const deadline = useVerificationDeadline(accountId, 'sso_connector', connectorId, status);
  // The API has no state for it: an academic domain is enabled only after Cloudflare support approves it.
  const awaitingApproval = isAcademicDomain(domain);

  const confirmToggle = () => {
    const enabled = !connector.enabled;
    toggle.mutate(
      { enabled },
      {
        onSuccess: () => {
          setDialog(null);
          notify.success(enabled ? `SSO enabled for ${domain}` : `SSO disabled for ${domain}`);
        },
      },
    );
  };
  const confirmDelete = () =>
    remove.mutate(undefined, {
      onSuccess: async () => {
        setDialog(null);
        notify.success(`Connector for ${domain} deleted`);
        await navigate({ to: '/accounts/$accountId/sso', params: { accountId } });
        forgetDeletedConnector(queryClient, accountId, connectorId);
      },
    });

  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/sso" params={{ accountId }}>SSO</Link> /
      </p>
      <PageHeader
        title={domainLabel(domain)}
        description={
          <span className="sso-header-badges">
            <VerificationBadge status={status} /> <EnabledBadge enabled={connector.enabled} domain={connector.email_domain} />
          </span>
        }
        actions={
          <>
            {step !== 'done' ? (
              <Link to="/accounts/$accountId/sso/$connectorId/setup" params={{ accountId, connectorId }} className="btn btn-primary">
                {status === 'failed' ? 'Fix verification' : 'Continue setup'}
              </Link>
            ) : null}
            <button
              type="button"
              className="btn"
              disabled={!connector.enabled && (status !== 'verified' || awaitingApproval)}
              aria-describedby={!connector.enabled && (status !== 'verified' || awaitingApproval) ? `${ids}-why` : undefined}
              onClick={() => {
                toggle.reset();
                setDialog('enabled');
              }}
            >
              {connector.enabled ? 'Disable SSO' : 'Enable SSO'}
            </button>
            <Link to="/accounts/$accountId/sso/$connectorId/history" params={{ accountId, connectorId }} className="btn">
              History
            </Link>
            <button type="button" className="btn btn-danger" onClick={() => setDialog('delete')}>
              Delete
            </button>
          </>
        }
      />
      {!connector.enabled && awaitingApproval ? (
        <p className="muted" id={`${ids}-why`}>
          {ACADEMIC_APPROVAL_NOTE}
        </p>
      ) : !connector.enabled && status !== 'verified' ? (
        <p className="muted" id={`${ids}-why`}>
          SSO can be enabled once the domain is verified.
        </p>
      ) : null}

      <section className="card" aria-labelledby={`${ids}-fields`}>
        <h2 id={`${ids}-fields`} className="sso-card-title">
          Connector
        </h2>
        <dl className="details">
          <dt>Email domain</dt>
          <dd className="mono">{connector.email_domain ? <DomainName domain={connector.email_domain} /> : '—'}</dd>
          <dt>Connector ID</dt>
          <dd>
            <span className="mono" id={`${ids}-id`}>
              {connector.id}
            </span>{' '}
            <CopyButton value={connector.id} label="Copy connector ID" targetId={`${ids}-id`} />
          </dd>
          <dt>Verification status</dt>
          <dd>
            <VerificationBadge status={status} />
            {deadline ? (
              <span className="muted">
                {' '}
                Cloudflare keeps checking until <DeadlineTime deadline={deadline} />.
              </span>
            ) : status === 'pending' ? (
              <span className="muted"> Cloudflare keeps checking for about 48 hours after verification started.</span>
            ) : null}
          </dd>
          <dt>Verification code</dt>
          <dd>
            {connector.verification?.code ? (
              <>
                <span className="mono" id={`${ids}-code`}>
                  {connector.verification.code}
                </span>{' '}
                <CopyButton value={connector.verification.code} label="Copy verification code" targetId={`${ids}-code`} />
              </>
            ) : (
              '—'
            )}
          </dd>
          <dt>SSO</dt>
          <dd>{connector.enabled ? 'Enabled' : 'Disabled'}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(connector.created_on)}</dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(connector.updated_on)}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby={`${ids}-login`}>
        <h2 id={`${ids}-login`} className="sso-card-title">
          Login page
        </h2>
        <div className="field sso-checkbox-field">
          <label>
            <input
              type="checkbox"
              // Shows the admin's choice while it saves; the server's value again if saving fails.
              checked={fedrampChoice ?? Boolean(connector.use_fedramp_language)}
              disabled={fedramp.isPending}
              aria-describedby={`${ids}-fedramp-hint`}
              onChange={(e) => {
                setFedrampChoice(e.target.checked);
                fedramp.mutate(
                  { use_fedramp_language: e.target.checked },
                  {
                    onSuccess: (c) => notify.success(c.use_fedramp_language ? 'FedRAMP language turned on' : 'FedRAMP language turned off'),
                    onSettled: () => setFedrampChoice(null),
                  },
                );
              }}
            />{' '}
            Show FedRAMP language at SSO login
          </label>
          <p className="field-hint" id={`${ids}-fedramp-hint`}>
            Shows the FedRAMP notice to people as they sign in through SSO. Saved as soon as you change it.
          </p>
        </div>
        {fedramp.error ? <ErrorBanner error={fedramp.error} title="The FedRAMP setting was not saved" /> : null}
      </section>

      <SsoEnabledDialog
        accountId={accountId}
        open={dialog === 'enabled'}
        onOpenChange={(open) => setDialog(open ? 'enabled' : null)}
        domain={domain}
        enable={!connector.enabled}
        pending={toggle.isPending}
        error={toggle.error}
        onConfirm={confirmToggle}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        onOpenChange={(open) => {
          if (!open) remove.reset();
          setDialog(open ? 'delete' : null);
        }}
        title={`Delete the connector for ${domain}?`}
        confirmLabel="Delete connector"
        typeToConfirm={domain}
        pending={remove.isPending}
        onConfirm={confirmDelete}
      >
        <p>
          {connector.enabled
            ? `SSO is on: deleting turns it off, and @${domain} users sign in with their Cloudflare password again.`
            : 'SSO is not enabled for this domain, so no one’s login changes.'}{' '}
          To use SSO for {domain} again you create a new connector and verify the domain with a new DNS record.
        </p>
        {remove.error ? <ErrorBanner error={remove.error} title="The connector was not deleted" /> : null}
      </ConfirmDialog>
    </div>
  );
}
