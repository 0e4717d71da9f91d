import { createFileRoute } from '@tanstack/react-router';
import { oauthClientsQuery } from '../../api/queries/oauth';
import { OAuthClientsList } from '../../features/oauth-clients/components/oauth-clients-list';

export const Route = createFileRoute('/oauth-clients/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(oauthClientsQuery(context.accountId)),
  component: OAuthClientsList,
});
