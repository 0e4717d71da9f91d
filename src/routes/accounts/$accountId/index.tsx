import { createFileRoute } from '@tanstack/react-router';
import { FindingsPage } from '@/features/findings/components/findings-page';

/** The account's home page: findings and the simulator. */
export const Route = createFileRoute('/accounts/$accountId/')({
  component: function AccountHome() {
    return <FindingsPage accountId={Route.useParams().accountId} />;
  },
});
