import { useQuery } from '@tanstack/react-query';
import { findingsQuery } from '@/api/findings';

/** How many findings are open, beside the navigation's "Findings" (nothing while unknown). */
export function FindingsCount({ accountId }: { accountId: string }) {
  const count = useQuery({ ...findingsQuery(accountId), select: (d) => (d.complete ? d.open_count : undefined) }).data;
  return count === undefined ? null : <span className="nav-count"> {count}</span>;
}
