import { createFileRoute } from '@tanstack/react-router';
import { ssoConnectorsQuery } from '@/api/sso/queries';
import { NewConnectorPage } from '@/features/sso/components/new-connector-page';

export const Route = createFileRoute('/accounts/$accountId/sso/new')({
  // The list lets the domain step say "already connected here" while the admin types.
  loader: ({ context }) => context.queryClient.ensureQueryData(ssoConnectorsQuery(context.accountId)),
  component: NewConnectorPage,
});
