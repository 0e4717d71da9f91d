import { createFileRoute } from '@tanstack/react-router';
import { ReviewPage } from '@/features/access-reviews/components/review-page';

export const Route = createFileRoute('/accounts/$accountId/reviews/$reviewId/')({
  component: function ReviewRoute() {
    const { reviewId } = Route.useParams();
    return <ReviewPage key={reviewId} reviewId={reviewId} />;
  },
});
