import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { indexedMembersQuery } from '@/api/membership-index';
import { DebouncedInput } from '@/components/ui/debounced-input';
import { useAccountId } from '@/stores/current-account';

/** Find another account member by email or name, to open their access (from the index: no API request). */
export function MemberLookup() {
  const accountId = useAccountId();
  const id = useId();
  const [term, setTerm] = useState('');
  const { data, isFetching } = useQuery({ ...indexedMembersQuery(accountId, { q: term, page: 1, per_page: 10 }), enabled: term.length >= 2 });
  const matches = term.length >= 2 ? (data?.members ?? []) : [];
  return (
    <div className="member-lookup">
      <div className="field">
        <label htmlFor={`${id}-q`}>Look up another member</label>
        <DebouncedInput id={`${id}-q`} className="input" type="search" value={term} placeholder="Email or name" onCommit={(v) => setTerm(v.trim())} />
      </div>
      {term.length >= 2 ? (
        <ul className="member-links" aria-busy={isFetching}>
          {matches.map((m) => (
            <li key={m.id}>
              <Link to="/accounts/$accountId/members/$memberId" params={{ accountId, memberId: m.id }}>
                {m.email}
              </Link>
            </li>
          ))}
          {!isFetching && matches.length === 0 ? <li className="muted">No member matches “{term}”.</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
