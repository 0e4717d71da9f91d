import { createFileRoute } from '@tanstack/react-router';
import { MembersPage } from '@/features/members/components/members-page';
import { membersSearchSchema } from '@/features/members/search-params';

export const Route = createFileRoute('/accounts/$accountId/members/')({
  validateSearch: membersSearchSchema,
  component: function MembersRoute() {
    const navigate = Route.useNavigate();
    return <MembersPage search={Route.useSearch()} onSearch={(next) => void navigate({ search: (prev) => ({ ...prev, ...next }) })} />;
  },
});
