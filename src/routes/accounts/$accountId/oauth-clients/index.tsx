import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { oauthClientsQuery } from '@/api/oauth/queries';
import { OAuthClientsList } from '@/features/oauth-clients/components/oauth-clients-list';
import { optionalText } from '@/lib/search-params';

export const Route = createFileRoute('/accounts/$accountId/oauth-clients/')({
  validateSearch: z.object({ q: optionalText() }),
  loader: ({ context }) => context.queryClient.ensureQueryData(oauthClientsQuery(context.accountId)),
  component: function OAuthClientsRoute() {
    const { q } = Route.useSearch();
    return <OAuthClientsList q={q} />;
  },
});
