import { createFileRoute } from '@tanstack/react-router';
import { ssoConnectorQuery } from '@/api/sso/queries';
import { SsoConnectorDetail } from '@/features/sso/components/sso-connector-detail';

export const Route = createFileRoute('/accounts/$accountId/sso/$connectorId/')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(ssoConnectorQuery(context.accountId, params.connectorId)),
  component: function SsoConnectorRoute() {
    const { connectorId } = Route.useParams();
    return <SsoConnectorDetail connectorId={connectorId} />;
  },
});
