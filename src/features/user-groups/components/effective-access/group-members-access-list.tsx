import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { groupMembersQuery } from '@/api/user-groups/queries';
import { DebouncedInput } from '@/components/ui/debounced-input';
import { ErrorBanner } from '@/components/ui/error-banner';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';

const PER_PAGE = 20;

/** The group's members, each linking to "why does this person have access" across all groups. */
export function GroupMembersAccessList({ groupId }: { groupId: string }) {
  const accountId = useAccountId();
  const id = useId();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, isPending, refetch } = useQuery(groupMembersQuery(accountId, groupId, { page, per_page: PER_PAGE, fuzzyEmail: search || undefined }));
  const total = data?.resultInfo?.total_count ?? data?.result.length ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));

  return (
    <section aria-labelledby={`${id}-heading`} className="group-access-members">
      <h2 id={`${id}-heading`}>A member’s access across all their groups</h2>
      <p className="muted">A person may be in several groups: open one to see what they can do overall and which group and policy decides each part.</p>
      <div className="field toolbar-field">
        <label htmlFor={`${id}-search`}>Find a member by email</label>
        <DebouncedInput
          id={`${id}-search`}
          className="input"
          type="search"
          value={search}
          onCommit={(v) => {
            setSearch(v.trim());
            setPage(1);
          }}
        />
      </div>
      {error ? <ErrorBanner error={error} title="Could not load the members" onRetry={() => void refetch()} /> : null}
      {isPending ? <p role="status">Loading members…</p> : null}
      {data ? (
        data.result.length === 0 ? (
          <p className="muted">{search ? `No member matches “${search}”.` : 'This group has no members.'}</p>
        ) : (
          <>
            <ul className="member-links">
              {data.result.map((m) => (
                <li key={m.id}>
                  <Link to="/accounts/$accountId/members/$memberId" params={{ accountId, memberId: m.id }} search={{ email: m.email }}>
                    {m.email ?? m.id}
                  </Link>
                  {m.status === 'pending' ? <span className="muted"> (invitation pending)</span> : null}
                </li>
              ))}
            </ul>
            <div className="button-row">
              <span className="muted">
                {pluralize(total, 'member')} · page {page} of {pages}
              </span>
              <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                Previous page
              </button>
              <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                Next page
              </button>
            </div>
          </>
        )
      ) : null}
    </section>
  );
}
