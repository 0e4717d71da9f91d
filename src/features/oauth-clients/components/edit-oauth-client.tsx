import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { oauthClientQuery, oauthScopesQuery } from '@/api/oauth/queries';
import { PageHeader } from '@/components/layout/page-header';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';
import { useUpdateOAuthClient } from '../api';
import { oauthDraftKey } from '../form-drafts';
import { formValuesFromClient, toUpdateBody } from '../schemas';
import { OAuthClientForm } from './oauth-client-form';

/** /oauth-clients/$clientId/edit: every field; only what changed is sent. */
export function EditOAuthClient({ clientId }: { clientId: string }) {
  const accountId = useAccountId();
  const navigate = useNavigate();
  const { data: client } = useSuspenseQuery(oauthClientQuery(accountId, clientId));
  const { data: catalogue } = useSuspenseQuery(oauthScopesQuery);
  const update = useUpdateOAuthClient(accountId, clientId);
  // The form starts from the client as loaded; a background refetch must not wipe what is typed.
  const [original] = useState(() => formValuesFromClient(client));
  const name = client.client_name || client.client_id;

  return (
    <div className="page oc-page-narrow">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/oauth-clients" params={{ accountId }}>OAuth clients</Link> /{' '}
        <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId }}>
          {name}
        </Link>{' '}
        /
      </p>
      <PageHeader title={`Edit ${name}`} />
      <OAuthClientForm
        initial={original}
        catalogue={catalogue}
        submitLabel="Save changes"
        draftKey={oauthDraftKey(accountId, clientId)}
        leaveDescription={`Your changes to ${name} are not saved. They stay here as a draft, so you can come back and save them.`}
        clientUriHint={
          client.client_uri
            ? 'Changing the host starts a new ownership verification with a new TXT value.'
            : 'Your application’s home page. Its host must be verified with a DNS TXT record before the client can go public.'
        }
        cancel={
          <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId }} className="btn">
            Cancel
          </Link>
        }
        onSubmit={async (values, markSaved) => {
          const body = toUpdateBody(values, original);
          if (Object.keys(body).length === 0) {
            notify.info('Nothing to save', 'No field was changed.');
            return;
          }
          await update.mutateAsync(body);
          markSaved();
          notify.success('OAuth client saved');
          await navigate({ to: '/accounts/$accountId/oauth-clients/$clientId', params: { accountId, clientId } });
        }}
      />
    </div>
  );
}
