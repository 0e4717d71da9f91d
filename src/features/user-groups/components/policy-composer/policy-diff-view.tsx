import { columnLabel, OUTCOME_LABEL } from '@/components/access-matrix/access-labels';
import { Badge } from '@/components/ui/badge';
import type { AccessChange } from '@/lib/effective-access';
import type { DraftPolicy } from '@/lib/policy-draft';
import type { PolicyDiff } from '@/lib/policy-diff';
import { summarizePolicy } from '@/lib/policy-summary';
import { pluralize } from '@/lib/format';
import type { KeyNames } from '@/lib/scope-keys';
import type { Lookups } from './use-composer';

export function sentence(p: DraftPolicy, lookups: Lookups): string {
  return summarizePolicy({
    access: p.access,
    permissionGroups: p.permissionGroups.map((id) => lookups.permissionGroup(id).name ?? id),
    resources: p.resourceGroups.map((ref) => {
      const r = lookups.resource(ref);
      return { label: r.label, scope: r.scope };
    }),
    names: lookups.names,
  });
}

const idNote = (p: DraftPolicy) => (p.id ? <span className="mono muted"> id {p.id.slice(0, 8)}…</span> : null);

/** Policies and entries added, removed and changed, in words. */
export function PolicyDiffView({ diff, after, lookups, emptyText = 'No changes.' }: { diff: PolicyDiff; after: DraftPolicy[]; lookups: Lookups; emptyText?: string }) {
  const position = (p: DraftPolicy) => after.indexOf(p) + 1;
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="diff-list">
      {diff.changed.map((c) => (
        <li key={c.after.key} className="diff-item diff-changed">
          <Badge tone="warning">Changed</Badge> <strong>Policy {position(c.after)}</strong>
          {idNote(c.after)}: {sentence(c.after, lookups)}
          <ul className="diff-entries">
            {c.access ? (
              <li>
                Access: {c.access.from} → <strong>{c.access.to}</strong>
              </li>
            ) : null}
            {c.permissionGroups.added.map((id) => (
              <li key={`+pg${id}`} className="diff-plus">
                + permission group {lookups.permissionGroup(id).name ?? id}
              </li>
            ))}
            {c.permissionGroups.removed.map((id) => (
              <li key={`-pg${id}`} className="diff-minus">
                − permission group {lookups.permissionGroup(id).name ?? id}
              </li>
            ))}
            {c.resourceGroups.added.map((ref, i) => (
              <li key={`+rg${i}`} className="diff-plus">
                + resource group {lookups.resource(ref).label}
              </li>
            ))}
            {c.resourceGroups.removed.map((ref, i) => (
              <li key={`-rg${i}`} className="diff-minus">
                − resource group {lookups.resource(ref).label}
              </li>
            ))}
          </ul>
        </li>
      ))}
      {diff.added.map((p) => (
        <li key={p.key} className="diff-item diff-added">
          <Badge tone="info">Added</Badge> <strong>Policy {position(p)}</strong>: {sentence(p, lookups)}
        </li>
      ))}
      {diff.removed.map((p) => (
        <li key={p.key} className="diff-item diff-removed">
          <Badge tone="danger">Removed</Badge> {sentence(p, lookups)}
          {idNote(p)}
        </li>
      ))}
    </ul>
  );
}

/** Who the changes below reach: every member of the group, counted. */
export function AffectedMembers({ count, failed, groupName, changes }: { count: number | undefined; failed: boolean; groupName: string; changes: number }) {
  if (changes === 0) return null;
  if (count === undefined) return <p className="muted">{failed ? 'The group’s members could not be counted.' : 'Counting the group’s members…'}</p>;
  if (count === 0) return <p>{groupName} has no members yet: nobody’s access changes until someone is added.</p>;
  return (
    <p>
      Affects <strong>{count === 1 ? 'the 1 member' : `all ${pluralize(count, 'member')}`}</strong> of {groupName}: each gains or loses what the table shows.
    </p>
  );
}

const MAX_ROWS = 40;

/** Cell by cell, what members of the group gain or lose. */
export function AccessChangesTable({ changes, names }: { changes: AccessChange[]; names: KeyNames }) {
  if (changes.length === 0) return <p className="muted">Members keep exactly the access they have.</p>;
  return (
    <>
      <table className="table access-changes">
        <caption className="visually-hidden">What members gain or lose</caption>
        <thead>
          <tr>
            <th scope="col">Permission group</th>
            <th scope="col">Resource</th>
            <th scope="col">Now</th>
            <th scope="col">After saving</th>
          </tr>
        </thead>
        <tbody>
          {changes.slice(0, MAX_ROWS).map((c) => (
            <tr key={`${c.permissionGroupId}|${c.column}`}>
              <th scope="row">{c.permissionGroupName}</th>
              <td title={c.column.startsWith('com.') ? c.column : undefined}>{columnLabel(c.column, names)}</td>
              <td>
                <span className={`outcome outcome-${c.from}`}>{OUTCOME_LABEL[c.from]}</span>
              </td>
              <td>
                <span className={`outcome outcome-${c.to}`}>{OUTCOME_LABEL[c.to]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length > MAX_ROWS ? <p className="muted">…and {changes.length - MAX_ROWS} more.</p> : null}
    </>
  );
}
