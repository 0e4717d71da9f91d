import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { OAuthClient } from '@/api/oauth/schema';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { notify } from '@/stores/toasts';
import { forgetDeletedClient, useDeleteOAuthClient } from '../api';

/** Delete, after typing the client's name: every application using it stops signing users in. */
export function DeleteClientButton({ accountId, client }: { accountId: string; client: OAuthClient }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteOAuthClient(accountId, client.client_id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const name = client.client_name || client.client_id;
  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        Delete
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) remove.reset();
        }}
        title={`Delete ${name}?`}
        confirmLabel="Delete client"
        typeToConfirm={name}
        pending={remove.isPending}
        onConfirm={() => {
          if (remove.isPending) return;
          remove.mutate(undefined, {
            onSuccess: async () => {
              setOpen(false);
              notify.success('OAuth client deleted', name);
              await navigate({ to: '/accounts/$accountId/oauth-clients', params: { accountId } });
              forgetDeletedClient(queryClient, accountId, client.client_id);
            },
          });
        }}
      >
        <p>
          Applications using this client can no longer sign users in, and tokens it issued stop working. This cannot be
          undone.
        </p>
        {remove.error ? <ErrorBanner error={remove.error} title="The client was not deleted" /> : null}
      </ConfirmDialog>
    </>
  );
}
