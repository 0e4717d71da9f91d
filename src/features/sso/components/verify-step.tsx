import { Link } from '@tanstack/react-router';
import { DomainName } from '@/components/ui/domain-name';
import type { SsoConnector } from '@/api/sso/schema';
import { formatTime } from '@/lib/format-time';
import { useTxtPrecheck } from '@/components/dns/use-txt-precheck';
import { DeadlineTime, useVerificationDeadline } from '@/components/dns/verification-deadline';
import { DnsCheckButton } from '@/components/dns/dns-check-button';
import { DnsPrecheckResult } from '@/components/dns/dns-precheck-result';
import { DnsRecordTable } from '@/components/dns/dns-record-table';
import { useDnsZone } from '@/components/dns/use-dns-zone';
import { StartVerification } from './start-verification';

interface VerifyStepProps {
  accountId: string;
  connector: SsoConnector;
  domain: string;
  code: string;
  lastCheckedAt: number;
  checking: boolean;
  checkError: Error | null;
  onCheckNow: () => void;
}

/** Step 3: the live status while Cloudflare checks, or the failure with what to fix and a retry. */
export function VerifyStep(props: VerifyStepProps) {
  return props.connector.verification?.status === 'failed' ? <VerificationFailed {...props} /> : <VerificationPending {...props} />;
}

function VerificationPending({ accountId, connector, domain, code, lastCheckedAt, checking, checkError, onCheckNow }: VerifyStepProps) {
  const deadline = useVerificationDeadline(accountId, 'sso_connector', connector.id, connector.verification?.status);
  // An admin who started before publishing wants to know whether the record is out there yet.
  const dns = useDnsZone(domain);
  const precheck = useTxtPrecheck(domain, code, { zone: dns.zone });
  return (
    <section className="card sso-step" aria-labelledby="sso-step-title">
      <h2 id="sso-step-title" tabIndex={-1}>
        Verifying <DomainName domain={domain} />
      </h2>
      <div className="sso-live-status" role="status" aria-live="polite">
        <span className="sso-spinner" aria-hidden="true" />
        <div>
          <strong>Cloudflare is checking the TXT record at {domain}.</strong>
          <p className="muted">
            {checking ? 'Checking the status now…' : `Status last read at ${formatTime(lastCheckedAt)}; this page keeps checking.`}
          </p>
        </div>
      </div>
      {checkError ? (
        <p className="field-error">Could not read the status just now ({checkError.message}); trying again shortly.</p>
      ) : null}
      <p>
        {deadline ? (
          <>
            If the record does not appear, Cloudflare stops checking at <DeadlineTime deadline={deadline} /> (48 hours after
            verification started) and marks the domain failed.
          </>
        ) : (
          'If the record does not appear, Cloudflare stops checking about 48 hours after verification started and marks the domain failed.'
        )}{' '}
        You can close this page: the status is kept, and the SSO list brings you back here.
      </p>
      <div className="sso-step-actions">
        <button type="button" className="btn" onClick={onCheckNow} disabled={checking}>
          Check status now
        </button>
        <Link to="/accounts/$accountId/sso" params={{ accountId }} className="btn">
          Back to SSO list
        </Link>
      </div>
      <details className="sso-details">
        <summary>The record being checked</summary>
        <DnsRecordTable domain={domain} code={code} />
        <DnsCheckButton precheck={precheck} label="Check DNS now" />
        <DnsPrecheckResult precheck={precheck} domain={domain} code={code} hostLabel={dns.label ?? '@'} />
      </details>
    </section>
  );
}

function VerificationFailed({ accountId, connector, domain, code }: VerifyStepProps) {
  // Look at DNS straight away: what is published now decides which cause to put first.
  const dns = useDnsZone(domain);
  const precheck = useTxtPrecheck(domain, code, { checkNow: true, zone: dns.zone });
  return (
    <section className="card sso-step" aria-labelledby="sso-step-title">
      <h2 id="sso-step-title" tabIndex={-1}>
        Verification failed
      </h2>
      <div className="banner banner-error" role="alert">
        <strong>Cloudflare did not find the right TXT record at {domain}.</strong>
        <p>Likely causes, most common first:</p>
        <ul>
          <li>
            The record has a different value: an old code from an earlier connector, a typo, a cut-off paste, or quotes
            typed around it.
          </li>
          <li>
            The record is on the wrong name, e.g. {domain}.{dns.zone}, because the DNS provider appended the zone to the
            full domain typed as the host.
          </li>
          <li>The record was missing when Cloudflare checked: not published yet, removed, or still propagating after about 48 hours.</li>
        </ul>
      </div>
      <p>Fix the record at your DNS provider, check that it is visible, then retry. The value must be exactly:</p>
      <DnsRecordTable domain={domain} code={code} hostLabel={dns.label} />
      <h3>What DNS shows now</h3>
      <DnsCheckButton precheck={precheck} label="Re-check DNS" />
      <DnsPrecheckResult precheck={precheck} domain={domain} code={code} hostLabel={dns.label ?? '@'} />
      <StartVerification accountId={accountId} connectorId={connector.id} domain={domain} precheck={precheck} label="Retry verification">
        <Link to="/accounts/$accountId/sso" params={{ accountId }} className="btn">
          Finish later
        </Link>
      </StartVerification>
    </section>
  );
}
