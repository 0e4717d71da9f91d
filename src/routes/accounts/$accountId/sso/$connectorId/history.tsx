import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { ssoConnectorQuery } from '@/api/sso/queries';
import { ResourceHistoryPage } from '@/features/history/components/resource-history-page';

export const Route = createFileRoute('/accounts/$accountId/sso/$connectorId/history')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(ssoConnectorQuery(context.accountId, params.connectorId)),
  component: function SsoHistoryRoute() {
    const { connectorId } = Route.useParams();
    const { accountId } = Route.useRouteContext();
    const { data: connector } = useSuspenseQuery(ssoConnectorQuery(accountId, connectorId));
    const domain = connector.email_domain ?? connectorId;
    return (
      <ResourceHistoryPage
        back={<Link to="/accounts/$accountId/sso/$connectorId" params={{ accountId, connectorId }}>SSO: {domain}</Link>}
        title={`History: ${domain}`}
        resourceType="sso_connector"
        resourceId={connectorId}
        noun="this connector"
      />
    );
  },
});
