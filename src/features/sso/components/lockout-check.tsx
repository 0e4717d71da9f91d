import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { ssoConnectorsQuery } from '@/api/sso/queries';
import { ErrorBanner } from '@/components/ui/error-banner';
import { emailDomain, ssoEnabledDomains, superAdminsOutside } from '@/lib/analyzer/admin-roles';
import { domainToUnicode } from '@/lib/idn';
import type { SuperAdmin } from '@/lib/analyzer/super-admins';
import { useSuperAdmins } from '../use-super-admins';

export interface LockoutCheckState {
  loading: boolean;
  error: unknown;
  complete: boolean;
  /** Accepted super administrators whose login does not go through this domain's SSO. */
  outside: SuperAdmin[];
  /** Everyone else who holds super administrator (inside the domain, or not yet accepted). */
  others: SuperAdmin[];
  /** Enabling keeps a way in without an override. */
  safe: boolean;
  /** Other domains of the account whose SSO is already on: their admins sign in through SSO too. */
  behindSso: string[];
}

export function useLockoutCheck(accountId: string, domain: string, enabled = true): LockoutCheckState {
  const { superAdmins, loading: adminsLoading, error: adminsError, complete } = useSuperAdmins(accountId, enabled);
  const connectors = useQuery({ ...ssoConnectorsQuery(accountId), enabled });
  const behindSso = ssoEnabledDomains(connectors.data ?? []).filter((d) => d !== domain.trim().toLowerCase());
  const loading = adminsLoading || connectors.isPending;
  const error = adminsError ?? connectors.error;
  const outside = superAdminsOutside(superAdmins, domain, behindSso);
  const others = superAdmins.filter((a) => !outside.includes(a));
  return { loading, error, complete, outside, others, behindSso, safe: !loading && !error && outside.length > 0 };
}

/** Whether the Enable button may act: checked and safe, or the admin overrode the refusal. */
export const lockoutAllows = (check: LockoutCheckState, override: boolean) => !check.loading && (check.safe || override);

/** Who, how they hold the role, and why they are no way in (not accepted, or behind another domain's SSO). */
function describe(a: SuperAdmin, behindSso: readonly string[]): string {
  const sso = behindSso.find((d) => d === emailDomain(a.email));
  const why = [a.status === 'pending' ? 'invitation not accepted' : null, sso ? `signs in through SSO for ${domainToUnicode(sso)}` : null];
  return `${a.email} (${[...why.filter(Boolean), ...a.via].join(', ')})`;
}

/**
 * The check itself: who can still sign in if the identity provider fails. With nobody, enabling
 * is refused unless the admin ticks an explicit override, and the way to keep a way in is spelled out.
 */
export function LockoutCheck({
  check,
  domain,
  override,
  onOverrideChange,
}: {
  check: LockoutCheckState;
  domain: string;
  override: boolean;
  onOverrideChange: (v: boolean) => void;
}) {
  const headingId = useId();
  // People read the Unicode form (bücher.de); the API's xn-- form is for DNS.
  const shown = domainToUnicode(domain);
  const elsewhere = check.behindSso.map(domainToUnicode);
  if (check.loading) return <p role="status">Checking which super administrators can sign in without SSO for {shown}…</p>;
  return (
    <section aria-labelledby={headingId} className="lockout-check">
      <h3 id={headingId}>Super administrators outside {shown}</h3>
      {check.error ? <ErrorBanner error={check.error} title="Could not check the account’s super administrators" /> : null}
      {check.safe ? (
        <div className="banner banner-success">
          <p>These super administrators sign in without going through SSO for {shown}, so they can turn it off if the identity provider fails:</p>
          <ul aria-label={`Super administrators outside ${shown}`}>
            {check.outside.map((a) => (
              <li key={a.id}>{describe(a, check.behindSso)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="banner banner-error" role="alert">
          <strong>No super administrator can sign in without SSO for {shown}.</strong>
          <p>If the identity provider fails, nobody could turn SSO off again. Keep a way in first:</p>
          <ul>
            <li>make an accepted member whose email is outside {shown}
              {elsewhere.length ? ` and outside ${elsewhere.join(', ')} (SSO already on)` : ''} a super administrator (for example through your break-glass group), or</li>
            <li>create an API token that can edit SSO connectors and keep it somewhere safe outside the identity provider.</li>
          </ul>
          {check.others.length ? (
            <p>
              Super administrators found, all behind SSO or not yet accepted: {check.others.map((a) => describe(a, check.behindSso)).join('; ')}.
            </p>
          ) : (
            <p>No super administrator was found at all.</p>
          )}
        </div>
      )}
      {!check.complete ? (
        <p className="muted">The account has more members than were checked for roles; someone may be missing from this list.</p>
      ) : null}
      {check.safe ? null : (
        <div className="field sso-checkbox-field">
          <label>
            <input type="checkbox" checked={override} onChange={(e) => onOverrideChange(e.target.checked)} /> Enable anyway: I keep an API token or
            another way in that does not depend on SSO for {shown}.
          </label>
        </div>
      )}
    </section>
  );
}
