import { createFileRoute } from '@tanstack/react-router';
import { ReviewsPage } from '@/features/access-reviews/components/reviews-page';

export const Route = createFileRoute('/accounts/$accountId/reviews/')({
  component: ReviewsPage,
});
