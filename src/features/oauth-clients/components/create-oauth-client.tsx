import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { oauthScopesQuery } from '@/api/oauth/queries';
import { PageHeader } from '@/components/layout/page-header';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';
import { useCreateOAuthClient } from '../api';
import { oauthDraftKey } from '../form-drafts';
import { emptyFormValues, hasClientSecret, toCreateBody } from '../schemas';
import { OAuthClientForm } from './oauth-client-form';
import { SecretDialog, type SecretDialogHandle } from './secret-dialog';

/** /oauth-clients/new: the form, then the new client's secret, shown once. */
export function CreateOAuthClient() {
  const accountId = useAccountId();
  const navigate = useNavigate();
  const { data: catalogue } = useSuspenseQuery(oauthScopesQuery);
  const secretDialog = useRef<SecretDialogHandle>(null);
  const publicClient = useRef<{ id: string; name: string } | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  // The secret goes straight from the response into the dialog; this component never holds it.
  const create = useCreateOAuthClient(accountId, (secret, client) => {
    if (!hasClientSecret(client)) {
      // A public client: whatever the API sent is not a credential it will ever use.
      publicClient.current = { id: client.client_id, name: client.client_name ?? client.client_id };
      return;
    }
    setCreated({ id: client.client_id, name: client.client_name ?? '' });
    secretDialog.current?.reveal(secret);
  });
  const [initial] = useState(emptyFormValues);

  return (
    <div className="page oc-page-narrow">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/oauth-clients" params={{ accountId }}>OAuth clients</Link> /
      </p>
      <PageHeader
        title="New OAuth client"
        description="Register an application that signs users in with Cloudflare and acts on their behalf. New clients are private."
      />
      <OAuthClientForm
        initial={initial}
        catalogue={catalogue}
        submitLabel="Create client"
        draftKey={oauthDraftKey(accountId, 'new')}
        leaveDescription="This client is not saved yet. What you typed stays here as a draft, so you can come back and finish it."
        clientUriHint="Your application's home page. Its host must be verified with a DNS TXT record before the client can go public."
        cancel={
          <Link to="/accounts/$accountId/oauth-clients" params={{ accountId }} className="btn">
            Cancel
          </Link>
        }
        onSubmit={async (values, markSaved) => {
          await create.mutateAsync(toCreateBody(values));
          markSaved();
          if (publicClient.current) {
            const { id, name } = publicClient.current;
            notify.success(`Created “${name}”`, 'A public client (auth method none) has no secret: it uses PKCE.');
            void navigate({ to: '/accounts/$accountId/oauth-clients/$clientId', params: { accountId, clientId: id } });
          }
          // The result holds no secret, and the client is in the query cache already: drop it.
          create.reset();
        }}
      />
      <SecretDialog
        ref={secretDialog}
        title={created ? `Client secret for ${created.name}` : 'Client secret'}
        clientId={created?.id ?? ''}
        onClosed={({ stored }) => {
          if (!created) return;
          if (!stored) notify.info('Secret not confirmed', 'If you did not store it, rotate the secret to get a new one.');
          void navigate({ to: '/accounts/$accountId/oauth-clients/$clientId', params: { accountId, clientId: created.id } });
        }}
      >
        <p>
          <strong>{created?.name}</strong> was created. Your application needs the client ID and this secret.
        </p>
      </SecretDialog>
    </div>
  );
}
