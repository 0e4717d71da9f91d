import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { oauthClientQuery } from '@/api/oauth/queries';
import { ResourceHistoryPage } from '@/features/history/components/resource-history-page';

export const Route = createFileRoute('/accounts/$accountId/oauth-clients/$clientId/history')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(oauthClientQuery(context.accountId, params.clientId)),
  component: function OAuthClientHistoryRoute() {
    const { clientId } = Route.useParams();
    const { accountId } = Route.useRouteContext();
    const { data: client } = useSuspenseQuery(oauthClientQuery(accountId, clientId));
    const name = client.client_name ?? clientId;
    return (
      <ResourceHistoryPage
        back={<Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId }}>{name}</Link>}
        title={`History: ${name}`}
        resourceType="oauth_client"
        resourceId={clientId}
        noun="this client"
      />
    );
  },
});
