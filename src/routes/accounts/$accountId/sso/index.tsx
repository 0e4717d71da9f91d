import { createFileRoute } from '@tanstack/react-router';
import { ssoConnectorsQuery } from '@/api/sso/queries';
import { SsoConnectorsList } from '@/features/sso/components/sso-connectors-list';

export const Route = createFileRoute('/accounts/$accountId/sso/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(ssoConnectorsQuery(context.accountId)),
  component: SsoConnectorsList,
});
