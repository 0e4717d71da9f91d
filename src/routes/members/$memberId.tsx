import { createFileRoute } from '@tanstack/react-router';
import { MemberAccessPage } from '../../features/member-access/components/member-access-page';

export const Route = createFileRoute('/members/$memberId')({
  component: function MemberRoute() {
    const { memberId } = Route.useParams();
    return <MemberAccessPage key={memberId} memberId={memberId} />;
  },
});
