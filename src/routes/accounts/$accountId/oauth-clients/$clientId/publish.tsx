import { createFileRoute } from '@tanstack/react-router';
import { oauthClientQuery } from '@/api/oauth/queries';
import { GoingPublic } from '@/features/oauth-clients/components/going-public';

export const Route = createFileRoute('/accounts/$accountId/oauth-clients/$clientId/publish')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(oauthClientQuery(context.accountId, params.clientId)),
  component: function GoingPublicRoute() {
    const { clientId } = Route.useParams();
    return <GoingPublic clientId={clientId} />;
  },
});
