import { useEffect, useRef } from 'react';
import type { LockedProps } from '../scim-managed';
import type { GroupMember } from '@/api/user-groups/schema';
import { MemberStatusBadge } from './member-status-badge';
import { SortHeader } from '@/components/ui/sort-header';
import { InertName } from '@/components/ui/inert-name';

interface MembersTableProps {
  members: GroupMember[];
  selected: ReadonlySet<string>;
  onSelect: (members: GroupMember[], on: boolean) => void;
  direction: 'asc' | 'desc';
  onDirectionChange: (direction: 'asc' | 'desc') => void;
  onOpen: (member: GroupMember) => void;
  onRemove: (member: GroupMember) => void;
  busy: boolean;
  removing: boolean;
  /** The group is managed by SCIM: Remove stays focusable, says why, and does nothing. */
  locked?: LockedProps;
  caption: string;
  /**
   * A member's name from the membership index: "First Last"; null when the account has none (a
   * pending invitee); undefined while unknown (see `names`).
   */
  nameOf: (memberId: string) => string | null | undefined;
  /** Where the names stand: being read, read (an unknown id is not indexed yet), or unreadable. */
  names: 'loading' | 'read' | 'failed';
}

const UNKNOWN_NAME = { loading: 'Loading…', read: 'Not indexed yet', failed: 'Unavailable' } as const;

function MemberName({ name, state }: { name: string | null | undefined; state: MembersTableProps['names'] }) {
  if (name) return <>{name}</>;
  if (name === null) return <span className="muted">No name in the account</span>;
  return <span className="muted">{UNKNOWN_NAME[state]}</span>;
}

/** One page of a group's members: select several, open one, remove one. */
export function MembersTable(props: MembersTableProps) {
  const { members, selected } = props;
  const selectedHere = members.filter((m) => selected.has(m.id)).length;
  const all = members.length > 0 && selectedHere === members.length;
  const some = selectedHere > 0 && !all;
  const headerBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = some;
  }, [some]);

  return (
    <table className={`table ug-members-table${props.busy ? ' ug-is-busy' : ''}`} aria-busy={props.busy}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="ug-col-check">
            <input
              ref={headerBox}
              type="checkbox"
              checked={all}
              aria-label="Select every member on this page"
              onChange={(e) => props.onSelect(members, e.target.checked)}
            />
          </th>
          <SortHeader direction={props.direction} onToggle={() => props.onDirectionChange(props.direction === 'asc' ? 'desc' : 'asc')}>
            Email
          </SortHeader>
          <th scope="col">Name</th>
          <th scope="col">Status</th>
          <th scope="col" className="ug-col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => {
          const label = m.email ?? m.id;
          return (
            <tr key={m.id} className={selected.has(m.id) ? 'ug-is-selected' : undefined}>
              <td className="ug-col-check">
                <input
                  type="checkbox"
                  checked={selected.has(m.id)}
                  aria-label={`Select ${label}`}
                  onChange={(e) => props.onSelect([m], e.target.checked)}
                />
              </td>
              <td>
                <button type="button" className="btn-link ug-cell-ellipsis" onClick={() => props.onOpen(m)} title={`Details of ${label}`}>
                  <InertName>{label}</InertName>
                </button>
              </td>
              <td>
                <MemberName name={props.nameOf(m.id)} state={props.names} />
              </td>
              <td>
                <MemberStatusBadge status={m.status} />
              </td>
              <td className="ug-col-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Remove ${label}`}
                  disabled={!props.locked && props.removing}
                  {...(props.locked ?? { onClick: () => props.onRemove(m) })}
                >
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
