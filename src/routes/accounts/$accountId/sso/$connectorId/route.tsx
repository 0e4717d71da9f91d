import { createFileRoute, Link } from '@tanstack/react-router';
import { ResourceRouteError } from '@/components/layout/missing-resource';

/** The connector's pages (detail, setup) share one answer for a connector that is gone. */
export const Route = createFileRoute('/accounts/$accountId/sso/$connectorId')({
  errorComponent: function SsoConnectorError(props) {
    const { accountId, connectorId } = Route.useParams();
    const back = (
      <Link to="/accounts/$accountId/sso" params={{ accountId }} className="btn">
        Back to SSO
      </Link>
    );
    return <ResourceRouteError {...props} noun="SSO connector" id={connectorId} back={back} />;
  },
});
