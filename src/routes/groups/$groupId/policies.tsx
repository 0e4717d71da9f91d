import { createFileRoute } from '@tanstack/react-router';
import { PolicySummary } from '../../../features/user-groups/components/policy-summary';

export const Route = createFileRoute('/groups/$groupId/policies')({
  component: function PoliciesRoute() {
    const { groupId } = Route.useParams();
    return <PolicySummary groupId={groupId} />;
  },
});
