import { Link } from '@tanstack/react-router';
import type { MemberRow } from '@/api/membership-index';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';
import { InertName } from '@/components/ui/inert-name';

const SHOWN_GROUPS = 3;

export function memberName(m: Pick<MemberRow, 'first_name' | 'last_name'>): string {
  return [m.first_name, m.last_name].filter(Boolean).join(' ');
}

/** One page of account members from the index: who they are, their status, their groups. */
export function MembersTable({
  accountId,
  members,
  selected,
  onSelect,
  busy,
}: {
  accountId: string;
  members: MemberRow[];
  selected: ReadonlySet<string>;
  onSelect: (rows: MemberRow[], on: boolean) => void;
  busy: boolean;
}) {
  const all = members.length > 0 && members.every((m) => selected.has(m.id));
  return (
    <table className={`table members-table${busy ? ' table-stale' : ''}`} aria-busy={busy}>
      <caption className="visually-hidden">Account members</caption>
      <thead>
        <tr>
          <th scope="col">
            <input type="checkbox" checked={all} aria-label="Select everyone on this page" onChange={(e) => onSelect(members, e.target.checked)} />
          </th>
          <th scope="col">Email</th>
          <th scope="col">Name</th>
          <th scope="col">Status</th>
          <th scope="col">Groups</th>
          <th scope="col">Last change</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id} className={selected.has(m.id) ? 'row-selected' : undefined}>
            <td>
              <input type="checkbox" checked={selected.has(m.id)} aria-label={`Select ${m.email || m.id}`} onChange={(e) => onSelect([m], e.target.checked)} />
            </td>
            <td>
              <Link to="/accounts/$accountId/members/$memberId" params={{ accountId, memberId: m.id }}>
                {/* An answer without an email still leaves a link to follow: the member's id. */}
                {m.email ? <InertName>{m.email}</InertName> : <span className="mono">{m.id}</span>}
              </Link>
            </td>
            <td>{memberName(m) ? <InertName>{memberName(m)}</InertName> : <span className="muted">—</span>}</td>
            <td>{m.status === 'pending' ? <Badge tone="warning">Pending</Badge> : <Badge tone="success">Accepted</Badge>}</td>
            <td>
              {m.groups.length === 0 ? (
                // Not "No groups" while groups this person may be in are unread.
                <span className="muted">{m.groups_known ? 'No groups' : 'Not known yet (groups still being read)'}</span>
              ) : (
                <>
                  {m.groups
                    .slice(0, SHOWN_GROUPS)
                    .map((g) => g.name)
                    .join(', ')}
                  {m.groups.length > SHOWN_GROUPS ? <span className="muted"> +{m.groups.length - SHOWN_GROUPS} more</span> : null}
                  {m.groups_known ? null : <span className="muted"> (so far; more groups still being read)</span>}
                </>
              )}
            </td>
            <td>{m.last_change ? formatDateTime(m.last_change) : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
