import { createFileRoute } from '@tanstack/react-router';
import { oauthScopesQuery } from '@/api/oauth/queries';
import { CreateOAuthClient } from '@/features/oauth-clients/components/create-oauth-client';

export const Route = createFileRoute('/accounts/$accountId/oauth-clients/new')({
  loader: ({ context }) => context.queryClient.ensureQueryData(oauthScopesQuery),
  component: CreateOAuthClient,
});
