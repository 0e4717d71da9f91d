import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { oauthClientLiveQuery, oauthScopesQuery } from '@/api/oauth/queries';
import type { OAuthClient } from '@/api/oauth/schema';
import { PageHeader } from '@/components/layout/page-header';
import { formatDateTime } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { AUTH_METHOD_TEXT, GRANT_TYPE_TEXT, RESPONSE_TYPE_TEXT } from '../labels';
import { hasClientSecret, isManagedScope } from '../schemas';
import { safeHttpsUrl } from '../uri-rules';
import { SecretStateBadge, VerificationBadge, VisibilityBadge } from './client-badges';
import { CopyButton } from '@/components/ui/copy-button';
import { DeleteClientButton } from './delete-client-button';
import { LogoPreview } from './logo-preview';
import { InertName } from '@/components/ui/inert-name';

/** A URI from the API, shown as text; a link only when it is plain https (never javascript: etc.). */
function UriValue({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  const href = safeHttpsUrl(value);
  return href ? (
    <a className="mono" href={href} target="_blank" rel="noopener noreferrer">
      {value}
    </a>
  ) : (
    <span className="mono">{value}</span>
  );
}

function UriList({ values }: { values: string[] | undefined }) {
  if (!values?.length) return <span className="muted">None</span>;
  return (
    <ul className="oc-plain-list">
      {values.map((v) => (
        <li key={v} className="mono">
          {v}
        </li>
      ))}
    </ul>
  );
}

/** /oauth-clients/$clientId: everything about one client, its secrets' state and what to do next. */
export function OAuthClientDetail({ clientId }: { clientId: string }) {
  const accountId = useAccountId();
  const { data: client } = useSuspenseQuery(oauthClientLiveQuery(accountId, clientId));
  const { data: catalogue } = useSuspenseQuery(oauthScopesQuery);
  const name = client.client_name || client.client_id;
  const scopeName = new Map(catalogue.map((s) => [s.id, s]));
  // A rotation left over from before a switch to "none" can still be finished.
  const rotatable = hasClientSecret(client) || Boolean(client.has_rotated_secret);

  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/oauth-clients" params={{ accountId }}>OAuth clients</Link> /
      </p>
      <PageHeader
        title={
          <span className="oc-title-with-logo">
            <LogoPreview uri={client.logo_uri} small />
            <InertName>{name}</InertName>
          </span>
        }
        description={<VisibilityBadge client={client} />}
        actions={
          <>
            <Link to="/accounts/$accountId/oauth-clients/$clientId/edit" params={{ accountId, clientId }} className="btn">
              Edit
            </Link>
            {rotatable ? (
              <Link to="/accounts/$accountId/oauth-clients/$clientId/rotate" params={{ accountId, clientId }} className="btn">
                {client.has_rotated_secret ? 'Finish secret rotation' : 'Rotate secret'}
              </Link>
            ) : null}
            {client.visibility === 'private' ? (
              <Link to="/accounts/$accountId/oauth-clients/$clientId/publish" params={{ accountId, clientId }} className="btn">
                Go public
              </Link>
            ) : null}
            <Link to="/accounts/$accountId/oauth-clients/$clientId/history" params={{ accountId, clientId }} className="btn">
              History
            </Link>
            <DeleteClientButton accountId={accountId} client={client} />
          </>
        }
      />

      <div className="oc-detail-grid">
        <section className="card" aria-labelledby="client-credentials">
          <h2 id="client-credentials">Credentials</h2>
          <dl className="details">
            <dt>Client ID</dt>
            <dd className="oc-copy-row">
              <span className="mono">{client.client_id}</span>
              <CopyButton value={client.client_id} label="Copy client ID" />
            </dd>
            <dt>Secret</dt>
            {rotatable ? (
              <dd>
                <SecretStateBadge client={client} />
                <p className="field-hint">
                  {client.has_rotated_secret
                    ? 'A rotation was started: the old and the new secret both work until the old one is revoked.'
                    : 'Secrets are shown only when created or rotated. Lost it? Rotate.'}
                </p>
                {client.has_rotated_secret ? (
                  <Link to="/accounts/$accountId/oauth-clients/$clientId/rotate" params={{ accountId, clientId }}>
                    Finish the rotation
                  </Link>
                ) : null}
              </dd>
            ) : (
              <dd>None: a public client (auth method none) proves itself with PKCE, so there is no secret to store or rotate.</dd>
            )}
            <dt>Token endpoint auth</dt>
            <dd>{client.token_endpoint_auth_method ? client.token_endpoint_auth_method === 'unknown' ? 'Unknown' : AUTH_METHOD_TEXT[client.token_endpoint_auth_method].label : '—'}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="client-visibility">
          <h2 id="client-visibility">Visibility and ownership</h2>
          <dl className="details">
            <dt>Visibility</dt>
            <dd>
              <VisibilityBadge client={client} />
              {client.promoted_at ? <span className="muted"> since {formatDateTime(client.promoted_at)}</span> : null}
            </dd>
            <dt>Client URI</dt>
            <dd>
              <UriValue value={client.client_uri} />
            </dd>
            <dt>Host verification</dt>
            <dd>
              <VerificationBadge client={client} />{' '}
              {client.client_uri ? (
                <Link to="/accounts/$accountId/oauth-clients/$clientId/publish" params={{ accountId, clientId }}>
                  {client.visibility === 'public' ? 'Verification details' : 'Going-public checklist'}
                </Link>
              ) : null}
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="client-links">
          <h2 id="client-links">Pages</h2>
          <dl className="details">
            <dt>Logo URI</dt>
            <dd>
              <UriValue value={client.logo_uri} />
            </dd>
            <dt>Privacy policy</dt>
            <dd>
              <UriValue value={client.policy_uri} />
            </dd>
            <dt>Terms of service</dt>
            <dd>
              <UriValue value={client.tos_uri} />
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="client-redirect-list">
          <h2 id="client-redirect-list">Redirects and origins</h2>
          <dl className="details">
            <dt>Redirect URIs</dt>
            <dd>
              <UriList values={client.redirect_uris} />
            </dd>
            <dt>Post-logout</dt>
            <dd>
              <UriList values={client.post_logout_redirect_uris} />
            </dd>
            <dt>CORS origins</dt>
            <dd>
              <UriList values={client.allowed_cors_origins} />
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="client-flow-list">
          <h2 id="client-flow-list">Flows</h2>
          <dl className="details">
            <dt>Grant types</dt>
            <dd>{(client.grant_types ?? []).map((g) => GRANT_TYPE_TEXT[g].label).join(', ') || '—'}</dd>
            <dt>Response types</dt>
            <dd className="mono">{(client.response_types ?? []).map((r) => RESPONSE_TYPE_TEXT[r].label).join(', ') || '—'}</dd>
          </dl>
        </section>

        <ScopesCard client={client} scopeName={scopeName} />
      </div>
      <p className="muted oc-detail-dates">
        Created {formatDateTime(client.created_at)} · Updated {formatDateTime(client.updated_at)}
      </p>
    </div>
  );
}

function ScopesCard({ client, scopeName }: { client: OAuthClient; scopeName: Map<string, { name: string; category?: string }> }) {
  const scopes = client.scopes ?? [];
  const optional = new Set(client.optional_scopes ?? []);
  return (
    <section className="card oc-card-wide" aria-labelledby="client-scope-list">
      <h2 id="client-scope-list">Scopes ({scopes.length})</h2>
      {scopes.length === 0 ? <p className="muted">No scopes.</p> : null}
      <ul className="oc-plain-list oc-scope-summary">
        {scopes.map((id) => {
          const known = scopeName.get(id);
          return (
            <li key={id}>
              {known ? `${known.name} ` : null}
              <span className="mono muted">{id}</span>
              {known?.category ? <span className="muted"> · {known.category}</span> : null}
              {isManagedScope(id) ? <span className="muted"> · managed automatically</span> : null}
              {optional.has(id) ? <span className="muted"> · optional</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
