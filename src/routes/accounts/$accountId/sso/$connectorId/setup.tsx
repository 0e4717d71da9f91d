import { createFileRoute } from '@tanstack/react-router';
import { ssoConnectorQuery } from '@/api/sso/queries';
import { SetupWizard } from '@/features/sso/components/setup-wizard';

export const Route = createFileRoute('/accounts/$accountId/sso/$connectorId/setup')({
  // Always the server's current state: the step is derived from it, so a cached one could resume
  // at a step the connector has already left.
  loader: ({ context, params }) => context.queryClient.fetchQuery({ ...ssoConnectorQuery(context.accountId, params.connectorId), staleTime: 0 }),
  component: function SsoSetupRoute() {
    const { connectorId } = Route.useParams();
    return <SetupWizard connectorId={connectorId} />;
  },
});
