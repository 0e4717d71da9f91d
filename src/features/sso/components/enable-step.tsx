import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { isApiError } from '@/api/api-error';
import type { SsoConnector } from '@/api/sso/schema';
import { DomainName } from '@/components/ui/domain-name';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ACADEMIC_APPROVAL_NOTE, isAcademicDomain } from '@/lib/academic-domain';
import { domainToUnicode } from '@/lib/idn';
import { notify } from '@/stores/toasts';
import { useUpdateSsoConnector } from '../api';
import { FallbackAcknowledgement } from './fallback-acknowledgement';
import { LockoutCheck, lockoutAllows, useLockoutCheck } from './lockout-check';
import { LockoutWarning } from './lockout-warning';

/** Step 4: turn SSO on, only after the admin confirms they keep a way back in. */
export function EnableStep({ accountId, connector, domain }: { accountId: string; connector: SsoConnector; domain: string }) {
  const update = useUpdateSsoConnector(accountId, connector.id);
  const [acknowledged, setAcknowledged] = useState(false);
  const [override, setOverride] = useState(false);
  const lockout = useLockoutCheck(accountId, domain);
  const allowed = acknowledged && lockoutAllows(lockout, override);
  // The name people read (bücher.de) throughout, as in the steps before; the xn-- form only as a hint.
  const shown = domainToUnicode(domain);
  const enable = () => {
    if (!allowed || update.isPending) return;
    // Not mutate's own onSuccess: the step unmounts as soon as the connector reads enabled (while
    // the list refetches), and a callback of an unmounted mutate never runs.
    update.mutateAsync({ enabled: true }).then(
      () => notify.success(`SSO enabled for ${shown}`),
      () => undefined, // shown by update.error below
    );
  };
  return (
    <section className="card sso-step" aria-labelledby="sso-step-title">
      <h2 id="sso-step-title" tabIndex={-1}>
        Enable SSO for <DomainName domain={domain} />
      </h2>
      <div className="banner banner-success">
        <strong>{shown} is verified.</strong> Cloudflare has confirmed that your organisation controls it.
      </div>
      {isAcademicDomain(domain) ? (
        <div className="banner banner-warning" role="status">
          <strong>Pending Cloudflare approval.</strong> {ACADEMIC_APPROVAL_NOTE}
        </div>
      ) : null}
      <LockoutWarning domain={shown} />
      <LockoutCheck check={lockout} domain={domain} override={override} onOverrideChange={setOverride} />
      <FallbackAcknowledgement domain={shown} checked={acknowledged} onChange={setAcknowledged} />
      {update.error ? (
        <ErrorBanner
          error={update.error}
          title={isApiError(update.error) && update.error.status === 400 ? 'SSO was not enabled' : 'SSO could not be enabled'}
        />
      ) : null}
      <div className="sso-step-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!allowed || update.isPending}
          aria-busy={update.isPending}
          onClick={enable}
        >
          {update.isPending ? 'Enabling…' : 'Enable SSO'}
        </button>
        <Link to="/accounts/$accountId/sso/$connectorId" params={{ accountId, connectorId: connector.id }} className="btn">
          Not now
        </Link>
      </div>
      <p className="muted">Not now keeps the domain verified; you can enable SSO from the connector’s page at any time.</p>
    </section>
  );
}
