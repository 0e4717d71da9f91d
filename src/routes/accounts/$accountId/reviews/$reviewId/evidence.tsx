import { createFileRoute } from '@tanstack/react-router';
import { EvidencePage } from '@/features/access-reviews/components/evidence-page';

export const Route = createFileRoute('/accounts/$accountId/reviews/$reviewId/evidence')({
  component: function EvidenceRoute() {
    return <EvidencePage reviewId={Route.useParams().reviewId} />;
  },
});
