import { useQueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { useEffect, useState } from 'react';
import { membershipIndexKeys, refreshMembershipIndex, type IndexStatus } from '@/api/membership-index';
import { clock, timeAgo } from '@/lib/format';
import { completenessText } from '@/lib/index-completeness';

const PAUSE_REASONS: Record<string, string> = {
  share: 'it has used its share of the API budget for now',
  pace: 'spreading its requests',
  low: 'the API budget is low',
  blocked: 'Cloudflare’s API is refusing calls (rate limit)',
};

/**
 * How fresh the membership index is ("as of 2 min ago · refresh"), or how far its first build
 * has got. Background trouble shows here as a note, never as an error.
 */
export function IndexAge({ accountId, index }: { accountId: string; index: IndexStatus }) {
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const refresh = useGuardedMutation({
    mutationFn: () => refreshMembershipIndex(accountId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membershipIndexKeys.all(accountId) }),
  });
  const { progress } = index;
  const read = completenessText({ ...progress, totals: index.totals, members_listed: index.members_listed }, new Date(now));
  const paused = index.paused && index.paused !== 'pace' ? PAUSE_REASONS[index.paused] : null;
  return (
    <p className="index-age" role="status">
      {index.state === 'building' ? (
        <span>
          Building the membership index: {read}.
          {progress.admin_groups ? ` Admin groups: ${progress.admin_groups_indexed.toLocaleString()} of ${progress.admin_groups.toLocaleString()} read.` : ''}{' '}
          Groups shown so far may be incomplete.
        </span>
      ) : (
        <span>
          Memberships as of {timeAgo(index.as_of, now)}
          {index.state === 'refreshing' ? ' · refreshing in the background' : ''}
          {' · '}
          <button type="button" className="btn-link" onClick={() => refresh.mutate()} disabled={refresh.isPending || index.state === 'refreshing'}>
            refresh
          </button>
        </span>
      )}
      {paused ? (
        <span className="muted">
          {' '}
          Paused: {paused}; resumes in {clock(index.resumes_in_seconds)}.
        </span>
      ) : null}
      {index.last_error ? <span className="muted"> The last background read failed ({index.last_error}); it is retried.</span> : null}
    </p>
  );
}
