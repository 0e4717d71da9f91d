import { Badge } from '@/components/ui/badge';

/** Account membership status: pending means the invitation is not accepted yet (no access until then). */
export function MemberStatusBadge({ status }: { status: 'accepted' | 'pending' | 'unknown' | undefined }) {
  if (status === 'accepted') return <Badge tone="success">Accepted</Badge>;
  if (status === 'pending') return <Badge tone="warning">Pending</Badge>;
  return <Badge tone="neutral">Unknown</Badge>;
}
