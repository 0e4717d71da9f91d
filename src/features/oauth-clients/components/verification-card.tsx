import { Link } from '@tanstack/react-router';
import type { OAuthClient } from '@/api/oauth/schema';
import { ErrorBanner } from '@/components/ui/error-banner';
import { useUpdateOAuthClient } from '../api';
import { hostOf } from '../uri-rules';
import { VerificationBadge } from './client-badges';
import { CopyButton } from '@/components/ui/copy-button';
import { ClientUriDnsHelp } from './client-uri-dns-help';

const STATUS_HELP = {
  pending: 'Cloudflare will start looking for the record shortly.',
  in_progress: 'Cloudflare is looking for the TXT record. This page updates by itself.',
  verified: 'Ownership of the host is proven. You can remove the record later only if you never change the client URI.',
  failed: 'The record was not found, or another verification value is published there. Fix the record, then check again.',
} as const;

/** The client URI's ownership proof: which TXT record to publish where, and how the check goes. */
export function VerificationCard({ accountId, client }: { accountId: string; client: OAuthClient }) {
  const host = hostOf(client.client_uri);
  const verification = client.client_uri_verification;
  const recheck = useUpdateOAuthClient(accountId, client.client_id);
  return (
    <section className="card" aria-labelledby="verification-title">
      <h2 id="verification-title">Client URI verification</h2>
      {!host ? (
        <p>
          No client URI is set. <Link to="/accounts/$accountId/oauth-clients/$clientId/edit" params={{ accountId, clientId: client.client_id }}>Add one</Link> to
          start verifying its host.
        </p>
      ) : (
        <>
          <dl className="details">
            <dt>Host</dt>
            <dd className="mono">{host}</dd>
            <dt>Status</dt>
            <dd aria-live="polite">
              <VerificationBadge client={client} />
              {verification?.status && verification.status !== 'unknown' ? <p className="field-hint">{STATUS_HELP[verification.status]}</p> : null}
            </dd>
            {verification?.text ? (
              <>
                <dt>Record</dt>
                <dd>
                  TXT at <span className="mono">{host}</span>
                </dd>
                <dt>Value</dt>
                <dd className="oc-copy-row">
                  <code className="oc-txt-value">{verification.text}</code>
                  <CopyButton value={verification.text} label="Copy TXT value" />
                </dd>
              </>
            ) : null}
          </dl>
          {verification?.text && verification.status !== 'verified' ? <ClientUriDnsHelp client={client} host={host} value={verification.text} /> : null}
          {verification?.status === 'failed' ? (
            <div className="oc-form-actions">
              <button
                type="button"
                className="btn"
                disabled={recheck.isPending}
                // Re-sending the same client URI after a failure starts a new check of the same record.
                onClick={() => recheck.mutate({ client_uri: client.client_uri ?? '' })}
              >
                {recheck.isPending ? 'Starting…' : 'Check again'}
              </button>
            </div>
          ) : null}
          {recheck.error ? <ErrorBanner error={recheck.error} title="The check was not restarted" /> : null}
        </>
      )}
    </section>
  );
}
