import { createFileRoute } from '@tanstack/react-router';
import { oauthClientQuery } from '@/api/oauth/queries';
import { RotationWizard } from '@/features/oauth-clients/components/rotation-wizard';

export const Route = createFileRoute('/accounts/$accountId/oauth-clients/$clientId/rotate')({
  // Always from the server: the wizard's starting step depends on has_rotated_secret being current.
  loader: ({ context, params }) =>
    context.queryClient.fetchQuery({ ...oauthClientQuery(context.accountId, params.clientId), staleTime: 0 }),
  component: function RotateSecretRoute() {
    const { clientId } = Route.useParams();
    return <RotationWizard clientId={clientId} />;
  },
});
