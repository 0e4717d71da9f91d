import { createFileRoute } from '@tanstack/react-router';
import { oauthClientQuery, oauthScopesQuery } from '@/api/oauth/queries';
import { OAuthClientDetail } from '@/features/oauth-clients/components/oauth-client-detail';

export const Route = createFileRoute('/accounts/$accountId/oauth-clients/$clientId/')({
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(oauthClientQuery(context.accountId, params.clientId)),
      context.queryClient.ensureQueryData(oauthScopesQuery),
    ]),
  component: function OAuthClientRoute() {
    const { clientId } = Route.useParams();
    return <OAuthClientDetail clientId={clientId} />;
  },
});
