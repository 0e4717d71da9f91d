import { useId, useMemo, useState } from 'react';
import { ACCOUNT_COLUMN, cellOf, deniedExceptions, withAdminExpanded, type AccessMatrix } from '@/lib/effective-access';
import { pluralize } from '@/lib/format';
import type { KeyNames } from '@/lib/scope-keys';
import { columnLabel, OUTCOME_LABEL, reasonLabel } from './access-labels';

interface AccessMatrixViewProps {
  matrix: AccessMatrix;
  names: KeyNames;
  caption: string;
  /** Name the group in each reason (a member's access spans groups). */
  withGroup?: boolean;
}

/**
 * Permission groups × resources with the outcome in each cell; choosing a cell says which
 * policies decide it and which allows a deny overrides. Shared by a group's Access tab and the
 * member page ("why does this person have access").
 */
export function AccessMatrixView({ matrix: computed, names, caption, withGroup = false }: AccessMatrixViewProps) {
  const id = useId();
  // Super Administrator / Administrator include other permission groups: their cells answer for them.
  const matrix = useMemo(() => withAdminExpanded(computed), [computed]);
  const [selected, setSelected] = useState<{ pg: string; column: string } | null>(null);
  // The account first, then zones by domain as they read (the matrix orders them by key).
  const kindOrder = { account: 0, zone: 1, other: 2 };
  const columns = [...matrix.columns].sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || columnLabel(a.key, names).localeCompare(columnLabel(b.key, names)),
  );
  if (matrix.permissionGroups.length === 0) return <p className="muted">No policy grants or denies anything.</p>;
  const current = selected ? cellOf(matrix, selected.pg, selected.column) : null;
  const pgName = (pgId: string) => matrix.permissionGroups.find((pg) => pg.id === pgId)?.name ?? pgId;

  return (
    <div className="access-matrix-wrap">
      <div className="matrix-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="table access-matrix">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Permission group</th>
              {columns.map((col) => (
                <th scope="col" key={col.key} title={col.kind === 'zone' ? col.key : undefined}>
                  {columnLabel(col.key, names)}
                  {col.kind !== 'account' && col.via.length ? <span className="matrix-via">in {col.via.join(', ')}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.permissionGroups.map((pg) => (
              <tr key={pg.id}>
                <th scope="row">{pg.name}</th>
                {columns.map((col) => {
                  const cell = cellOf(matrix, pg.id, col.key);
                  const exceptions = col.key === ACCOUNT_COLUMN ? deniedExceptions(matrix, pg.id) : [];
                  const text = cell.outcome === 'none' ? '—' : OUTCOME_LABEL[cell.outcome];
                  const isSelected = selected?.pg === pg.id && selected.column === col.key;
                  return (
                    <td key={col.key} className={`matrix-cell matrix-${cell.outcome}`}>
                      <button
                        type="button"
                        className={`matrix-button outcome outcome-${cell.outcome}`}
                        aria-pressed={isSelected}
                        aria-controls={`${id}-why`}
                        aria-label={`${pg.name} on ${columnLabel(col.key, names)}: ${OUTCOME_LABEL[cell.outcome]}${exceptions.length ? `, except ${pluralize(exceptions.length, 'zone')}` : ''}. Show why`}
                        onClick={() => setSelected(isSelected ? null : { pg: pg.id, column: col.key })}
                      >
                        {text}
                        {exceptions.length ? <span className="matrix-except"> except {pluralize(exceptions.length, 'zone')}</span> : null}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div id={`${id}-why`} className="matrix-why" aria-live="polite">
        {selected && current ? (
          <>
            <h3 className="matrix-why-title">
              {pgName(selected.pg)} on {columnLabel(selected.column, names)}:{' '}
              <span className={`outcome outcome-${current.outcome}`}>{OUTCOME_LABEL[current.outcome]}</span>
            </h3>
            {current.outcome === 'none' ? (
              <p>No policy grants this permission group on this resource.</p>
            ) : (
              <>
                <p>{current.outcome === 'deny' ? 'Denied by' : 'Allowed by'}:</p>
                <ul>
                  {current.decidedBy.map((r, i) => (
                    <li key={i}>{reasonLabel(r, { withGroup })}</li>
                  ))}
                </ul>
                {current.overridden.length ? (
                  <>
                    <p>Overridden (a deny always wins over an allow):</p>
                    <ul>
                      {current.overridden.map((r, i) => (
                        <li key={i}>{reasonLabel(r, { withGroup })}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            )}
          </>
        ) : (
          <p className="muted">Choose a cell to see which policy decides it.</p>
        )}
      </div>
    </div>
  );
}

/** What the computation assumes, said once under each matrix. */
export function AccessModelNote() {
  return (
    <details className="access-model">
      <summary>How this is worked out</summary>
      <ul>
        <li>A member’s access is the union of the policies of every group they are in.</li>
        <li>A deny always wins: any Deny policy on a permission group and resource overrides every Allow of the same pair.</li>
        <li>An account-wide resource group reaches the account and every zone in it; a zone resource group reaches only its zones.</li>
        <li>The order of policies and groups never matters.</li>
        <li>
          Super Administrator includes every other permission group, and Administrator every one but Billing and Super Administrator: where one
          of them is allowed, the rows of the permission groups it includes read Allowed (“as Administrator”), unless a deny of that
          permission group itself takes it back.
        </li>
        <li>Admin access counts however it is given: through a user group, a member policy, or a legacy account role.</li>
        <li>This mirrors Cloudflare’s documented model; the API, not this page, enforces access.</li>
      </ul>
    </details>
  );
}
