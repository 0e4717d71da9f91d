import { useState, type ReactNode } from 'react';
import { ErrorBanner } from '@/components/ui/error-banner';
import { useBeginVerification } from '../api';
import type { TxtPrecheck } from '@/components/dns/use-txt-precheck';
import type { TxtFinding } from '@/lib/txt-records';

type Blocked = TxtFinding['kind'] | 'check-failed';

/**
 * Starts (or retries) verification, but looks at DNS first: starting on a name with no record
 * only starts a two-day wait, and a wrong value fails at once. When the pre-check does not see the
 * record, the admin is told so here, in this step, and may still start anyway.
 */
export function StartVerification({
  accountId,
  connectorId,
  domain,
  precheck,
  label,
  children,
}: {
  accountId: string;
  connectorId: string;
  domain: string;
  precheck: TxtPrecheck;
  label: string;
  /** Secondary actions shown beside the button (e.g. "Finish later"). */
  children?: ReactNode;
}) {
  const begin = useBeginVerification(accountId, connectorId);
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  const busy = begin.isPending || precheck.isChecking;
  // The notice follows what DNS shows now: fixing the record (and checking again) clears it.
  const shown: Blocked | null = blocked === null || blocked === 'check-failed' ? blocked : (precheck.finding?.kind ?? blocked);

  const start = async () => {
    if (busy) return;
    setBlocked(null);
    let finding: TxtFinding;
    try {
      finding = await precheck.run();
    } catch {
      setBlocked('check-failed');
      return;
    }
    if (finding.kind === 'found') begin.mutate();
    else setBlocked(finding.kind);
  };

  return (
    <div className="sso-start-verification">
      {shown && shown !== 'found' ? (
        <div className="banner banner-warning" role="alert">
          <strong>
            {shown === 'wrong-value'
              ? `Verification would fail: ${domain} has a different verification value.`
              : shown === 'check-failed'
                ? 'The DNS pre-check did not answer, so I cannot tell whether the record is there.'
                : `Verification would not find the record at ${domain} yet.`}
          </strong>
          <p>
            {shown === 'wrong-value'
              ? 'Fix the record first (see above). If you start now, Cloudflare fails the check as soon as it reads the wrong value.'
              : 'Publish the record and check again. You can also start now: Cloudflare keeps checking for about 48 hours and succeeds once the record appears.'}
          </p>
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => begin.mutate()}>
            Start verification anyway
          </button>
        </div>
      ) : null}
      {begin.error ? <ErrorBanner error={begin.error} title="Verification could not be started" /> : null}
      <div className="sso-step-actions">
        <button type="button" className="btn btn-primary" disabled={busy} aria-busy={busy} onClick={() => void start()}>
          {begin.isPending ? 'Starting…' : precheck.isChecking ? 'Checking DNS…' : label}
        </button>
        {children}
      </div>
    </div>
  );
}
