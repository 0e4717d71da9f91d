import { formatTime } from '@/lib/format-time';
import type { TxtPrecheck } from './use-txt-precheck';

/** "I can see your record" / "not yet, here is what I see", in words that say what to do next. */
export function DnsPrecheckResult({ precheck, domain, code, hostLabel }: { precheck: TxtPrecheck; domain: string; code: string; hostLabel: string }) {
  const { data, finding, doubled, error, isChecking, checkedAt } = precheck;
  const where = data?.source === 'sandbox' ? 'in the sandbox DNS zone' : 'in public DNS, from the console’s server';
  return (
    <div className="sso-precheck-result" role="status" aria-live="polite" aria-busy={isChecking}>
      {isChecking && !data ? <p className="muted">Looking up TXT records at {domain}…</p> : null}
      {error ? (
        <div className="banner banner-error">
          <strong>The DNS check did not work</strong>
          <p>{error.message}</p>
        </div>
      ) : null}
      {data && finding?.kind === 'found' ? (
        <div className="banner banner-success">
          <strong>I can see your record.</strong>
          <p>
            {domain} has the TXT value Cloudflare looks for ({where}). You can start verification.
          </p>
        </div>
      ) : null}
      {data && finding?.kind === 'wrong-value' ? (
        <div className="banner banner-error">
          <strong>A different verification value is published at {domain}.</strong>
          <p>Cloudflare needs exactly the value above. Here is what I see {where}:</p>
          <ul className="sso-txt-list">
            {finding.values.map((v) => (
              <li key={v} className="mono">
                {v}
              </li>
            ))}
          </ul>
          <p>
            Edit that record so its value is exactly <span className="mono">{code}</span> (no quotes or spaces), or delete it
            and add a new one. An old value often comes from an earlier connector for this domain.
          </p>
        </div>
      ) : null}
      {data && finding?.kind === 'missing' ? (
        <div className="banner banner-info">
          <strong>Not yet. Here is what I see at {domain}:</strong>
          {data.records.length ? (
            <ul className="sso-txt-list">
              {data.records.map((v, i) => (
                <li key={i} className="mono">
                  {v}
                </li>
              ))}
            </ul>
          ) : (
            <p>No TXT records at all ({where}).</p>
          )}
          <p>If you have just published the record, give DNS a few minutes, then check again.</p>
        </div>
      ) : null}
      {doubled ? (
        <div className="banner banner-warning">
          <strong>Found a verification record at {doubled.name} instead.</strong>
          <p>
            Your DNS provider added the zone a second time. Edit the record’s host (or name) to{' '}
            <span className="mono">{hostLabel}</span>
            {hostLabel === '@' ? ' or leave it empty' : ''}, so it is published at {domain}.
          </p>
        </div>
      ) : null}
      {checkedAt ? <p className="muted sso-checked-at">Checked at {formatTime(checkedAt)}.</p> : null}
    </div>
  );
}
