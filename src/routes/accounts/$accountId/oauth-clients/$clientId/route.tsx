import { createFileRoute, Link } from '@tanstack/react-router';
import { ResourceRouteError } from '@/components/layout/missing-resource';

/** The client's pages (detail, edit, rotate, publish) share one answer for a client that is gone. */
export const Route = createFileRoute('/accounts/$accountId/oauth-clients/$clientId')({
  errorComponent: function OAuthClientError(props) {
    const { accountId, clientId } = Route.useParams();
    const back = (
      <Link to="/accounts/$accountId/oauth-clients" params={{ accountId }} className="btn">
        Back to OAuth clients
      </Link>
    );
    return <ResourceRouteError {...props} noun="OAuth client" id={clientId} back={back} />;
  },
});
