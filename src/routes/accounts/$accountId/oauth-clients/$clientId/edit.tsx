import { createFileRoute } from '@tanstack/react-router';
import { oauthClientQuery, oauthScopesQuery } from '@/api/oauth/queries';
import { EditOAuthClient } from '@/features/oauth-clients/components/edit-oauth-client';

export const Route = createFileRoute('/accounts/$accountId/oauth-clients/$clientId/edit')({
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(oauthClientQuery(context.accountId, params.clientId)),
      context.queryClient.ensureQueryData(oauthScopesQuery),
    ]),
  component: function EditOAuthClientRoute() {
    const { clientId } = Route.useParams();
    return <EditOAuthClient clientId={clientId} />;
  },
});
