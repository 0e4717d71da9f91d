import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { isApiError } from '@/api/api-error';
import { consoleModeQuery } from '@/api/accounts/queries';
import { oauthClientLiveQuery } from '@/api/oauth/queries';
import { PageHeader } from '@/components/layout/page-header';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { formatDateTime } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';
import { useUpdateOAuthClient } from '../api';
import { promotionChecklist, type ChecklistState } from '../promotion-checklist';
import { fieldMessage } from '@/components/form/api-errors';
import { SandboxDnsPanel } from './sandbox-dns-panel';
import { VerificationCard } from './verification-card';

const STATE_TEXT: Record<ChecklistState, { mark: string; label: string }> = {
  done: { mark: '✓', label: 'Done' },
  missing: { mark: '✗', label: 'Missing' },
  waiting: { mark: '…', label: 'Waiting' },
  failed: { mark: '!', label: 'Failed' },
};

/** /oauth-clients/$clientId/publish: what promotion needs, live, and the promote action. */
export function GoingPublic({ clientId }: { clientId: string }) {
  const accountId = useAccountId();
  const { data: client } = useSuspenseQuery(oauthClientLiveQuery(accountId, clientId));
  const { data: mode } = useSuspenseQuery(consoleModeQuery);
  const promote = useUpdateOAuthClient(accountId, clientId);
  const [confirming, setConfirming] = useState(false);
  const { items, complete } = promotionChecklist(client);
  const name = client.client_name || client.client_id;
  const isPublic = client.visibility === 'public';
  // The API names each unmet requirement by pointer: show it on that checklist item.
  const blockers = isApiError(promote.error) ? promote.error.fieldErrors() : {};
  const done = items.filter((i) => i.state === 'done').length;

  return (
    <div className="page oc-page-narrow">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/oauth-clients" params={{ accountId }}>OAuth clients</Link> /{' '}
        <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId }}>
          {name}
        </Link>{' '}
        /
      </p>
      <PageHeader
        title={isPublic ? 'Public client' : 'Go public'}
        description={
          isPublic ? (
            <>This client is public{client.promoted_at ? ` since ${formatDateTime(client.promoted_at)}` : ''}.</>
          ) : (
            'A public client can be authorized by any Cloudflare user, not only members of this account. Promotion cannot be undone.'
          )
        }
      />

      {!isPublic ? (
        <section className="card" aria-labelledby="checklist-title">
          <h2 id="checklist-title">
            Requirements <span className="muted">({done} of {items.length} met)</span>
          </h2>
          <ul className="oc-checklist" aria-live="polite">
            {items.map((item) => (
              <li key={item.key} className={`oc-checklist-item oc-checklist-${item.state}`}>
                <span className="oc-checklist-mark" aria-hidden="true">
                  {STATE_TEXT[item.state].mark}
                </span>
                <div>
                  <strong>{item.label}</strong> <span className="visually-hidden">— {STATE_TEXT[item.state].label}:</span>
                  <span className={`oc-checklist-state oc-checklist-state-${item.state}`}>{STATE_TEXT[item.state].label}</span>
                  <p className="field-hint">{item.detail}</p>
                  {blockers[item.pointer] ? <p className="field-error">{fieldMessage(blockers[item.pointer]!)}</p> : null}
                  {item.state === 'missing' ? (
                    <Link to="/accounts/$accountId/oauth-clients/$clientId/edit" params={{ accountId, clientId }}>
                      Edit the client
                    </Link>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {promote.error && Object.keys(blockers).length === 0 ? (
            <ErrorBanner error={promote.error} title="The client was not made public" />
          ) : null}
          <div className="oc-form-actions">
            <button type="button" className="btn btn-primary" disabled={!complete || promote.isPending} onClick={() => setConfirming(true)}>
              Make public
            </button>
          </div>
          {!complete ? <p className="field-hint">Available when every requirement is met.</p> : null}
        </section>
      ) : null}

      <VerificationCard accountId={accountId} client={client} />
      {mode.mode === 'sandbox' && client.client_uri_verification?.text ? (
        <SandboxDnsPanel clientUri={client.client_uri ?? ''} value={client.client_uri_verification.text} />
      ) : null}

      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Make ${name} public?`}
        confirmLabel="Make public"
        tone="primary"
        pending={promote.isPending}
        onConfirm={() => {
          if (promote.isPending) return;
          promote.mutate(
            { visibility: 'public' },
            {
              onSuccess: () => notify.success('Client is public', `${name} can now be authorized by any Cloudflare user.`),
              onSettled: () => setConfirming(false),
            },
          );
        }}
      >
        <p>Any Cloudflare user will be able to authorize this application. Demotion back to private is not supported.</p>
      </ConfirmDialog>
    </div>
  );
}
