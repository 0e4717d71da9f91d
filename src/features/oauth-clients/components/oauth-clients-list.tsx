import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { oauthClientsQuery } from '@/api/oauth/queries';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate, pluralize } from '@/lib/format';
import { backedOffPollMs } from '@/lib/poll-backoff';
import { useAccountId } from '@/stores/current-account';
import { SecretStateBadge, VerificationBadge, VisibilityBadge } from './client-badges';
import { InertName } from '@/components/ui/inert-name';

const inFlight = (status: string | undefined) => status === 'pending' || status === 'in_progress';

/** /oauth-clients: every client with what needs attention (unverified hosts, unfinished rotations). */
export function OAuthClientsList({ q }: { q: string | undefined }) {
  const accountId = useAccountId();
  const navigate = useNavigate({ from: '/accounts/$accountId/oauth-clients/' });
  const searchId = useId();
  const { data: clients } = useSuspenseQuery({
    ...oauthClientsQuery(accountId),
    // Verification statuses move on their own; keep the column honest while one is in flight,
    // asking less often the longer it lasts (a verification may stay pending for 48 h).
    refetchInterval: (query) =>
      query.state.data?.some((c) => inFlight(c.client_uri_verification?.status)) ? backedOffPollMs(query.state.dataUpdateCount) : false,
  });
  const needle = q?.toLowerCase();
  // The API lists every client in one page with no filters: filtering here is instant and exact.
  const shown = needle
    ? clients.filter((c) => (c.client_name ?? '').toLowerCase().includes(needle) || c.client_id.includes(needle))
    : clients;
  const newButton = (
    <Link to="/accounts/$accountId/oauth-clients/new" params={{ accountId }} className="btn btn-primary">
      New OAuth client
    </Link>
  );

  return (
    <div className="page">
      <PageHeader
        title="OAuth clients"
        description="Applications that sign users in with Cloudflare and act on this account on their behalf."
        actions={clients.length ? newButton : null}
      />
      {clients.length === 0 ? (
        <EmptyState title="No OAuth clients yet" action={newButton}>
          Register an application to let it request access to this account.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={searchId}>Filter by name or client ID</label>
              <input
                id={searchId}
                className="input"
                type="search"
                defaultValue={q ?? ''}
                onChange={(e) => void navigate({ search: { q: e.target.value || undefined }, replace: true })}
              />
            </div>
            <p className="muted" aria-live="polite">
              {pluralize(shown.length, 'client')}
              {needle ? ` of ${clients.length}` : ''}
            </p>
          </div>
          <table className="table">
            <caption className="visually-hidden">OAuth clients</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Client ID</th>
                <th scope="col">Visibility</th>
                <th scope="col">Client URI verification</th>
                <th scope="col">Secret</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.client_id}>
                  <td>
                    <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId: c.client_id }}>
                      {c.client_name ? <InertName>{c.client_name}</InertName> : <span className="muted">(no name)</span>}
                    </Link>
                  </td>
                  <td className="mono">{c.client_id}</td>
                  <td>
                    <VisibilityBadge client={c} />
                  </td>
                  <td>
                    <VerificationBadge client={c} />
                  </td>
                  <td>
                    {c.has_rotated_secret ? (
                      // The visible badge text leads the link's name (WCAG 2.5.3): it can be spoken to follow it.
                      <Link to="/accounts/$accountId/oauth-clients/$clientId/rotate" params={{ accountId, clientId: c.client_id }}>
                        <SecretStateBadge client={c} />
                        <span className="visually-hidden">: finish secret rotation for {c.client_name || c.client_id}</span>
                      </Link>
                    ) : (
                      <SecretStateBadge client={c} />
                    )}
                  </td>
                  <td>{formatDate(c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="muted">No client matches “{q}”.</p> : null}
        </>
      )}
    </div>
  );
}
