import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { MemberAccessPage } from '@/features/member-access/components/member-access-page';

// Links from a group's Access tab still carry the email; the page reads the person from the index.
const searchSchema = z.object({ email: z.catch(z.optional(z.string().check(z.maxLength(200))), undefined) });

export const Route = createFileRoute('/accounts/$accountId/members/$memberId')({
  validateSearch: searchSchema,
  component: function MemberRoute() {
    const { memberId } = Route.useParams();
    return <MemberAccessPage key={memberId} memberId={memberId} />;
  },
});
