import { createFileRoute, redirect } from '@tanstack/react-router';
import { resolveAccountId } from '../api/accounts/queries';

export const Route = createFileRoute('/')({
  beforeLoad: async ({ context }) => {
    throw redirect({ to: '/accounts/$accountId', params: { accountId: await resolveAccountId(context.queryClient) } });
  },
});
