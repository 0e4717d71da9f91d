import { createFileRoute } from '@tanstack/react-router';
import { ExpiringPage } from '@/features/expiring-access/components/expiring-page';

export const Route = createFileRoute('/accounts/$accountId/expiring')({
  component: ExpiringPage,
});
