import { Badge } from '@/components/ui/badge';
import { pluralize } from '@/lib/format';
import { groupsToCreate, type ImportPlan, type PermissionGroupPlan, type ResourceGroupPlan } from '@/lib/group-export';
import type { CombinationWarning } from '@/lib/resource-scope';
import { summarizeScope } from '@/lib/scope-keys';

function PgEntry({ pg }: { pg: PermissionGroupPlan }) {
  if (pg.kind === 'missing') {
    return (
      <li>
        <Badge tone="danger">Not found</Badge> {pg.source.name ?? pg.source.id} <span className="muted">— left out</span>
      </li>
    );
  }
  return (
    <li>
      {pg.name} {pg.matchedBy === 'name' ? <span className="muted">(matched by name)</span> : null}
    </li>
  );
}

function RgEntry({ rg, createsOnSave }: { rg: ResourceGroupPlan; createsOnSave: boolean }) {
  switch (rg.kind) {
    case 'existing':
      return (
        <li>
          {rg.name} <span className="muted">(matched by {rg.matchedBy})</span>
          {rg.scopeDiffers ? (
            <>
              {' '}
              <Badge tone="warning">Scope differs from the file</Badge>
            </>
          ) : null}
        </li>
      );
    case 'create':
      return (
        <li>
          <Badge tone="info">{createsOnSave ? 'Created when you save' : 'Will be created'}</Badge> {rg.name}{' '}
          <span className="muted">
            — {summarizeScope(rg.scope)}
            {createsOnSave ? ' (as the policy’s own scope: nothing is written before you save)' : ''}
          </span>
        </li>
      );
    case 'inline':
      return (
        <li>
          <Badge tone="info">Inline</Badge> {summarizeScope(rg.scope)}
        </li>
      );
    default:
      return (
        <li>
          <Badge tone="danger">Cannot import</Badge> {rg.source.name ?? rg.source.id}: {rg.reason}
        </li>
      );
  }
}

/** The dry run: what the import would do, before anything is written. */
export function ImportPreview({
  plan,
  addMembers,
  refusals = new Map(),
  createsOnSave = false,
}: {
  plan: ImportPlan;
  addMembers: boolean;
  /** Into a draft: what the import would create is created by the save, not before. */
  createsOnSave?: boolean;
  /** By policy index: pairings the API refuses with 1006 (see importRefusals). */
  refusals?: ReadonlyMap<number, CombinationWarning[]>;
}) {
  const creates = groupsToCreate(plan);
  const kept = plan.policies.filter((p) => !p.dropped).length;
  return (
    <section className="import-preview" aria-labelledby="import-preview-heading">
      <h3 id="import-preview-heading">Dry run</h3>
      <p>
        {pluralize(kept, 'policy', 'policies')} to import
        {plan.policies.length > kept ? `, ${plan.policies.length - kept} left out` : ''}
        {creates.length ? `; ${pluralize(creates.length, 'resource group')} to create${createsOnSave ? ' when you save' : ''}` : ''}
        {plan.crossAccount ? '. The file comes from another account: ids are matched by name, scope or email.' : '.'}
      </p>
      {plan.warnings.map((w, i) => (
        <p key={i} className="banner banner-warning">
          {w}
        </p>
      ))}
      <table className="table import-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Access</th>
            <th scope="col">Permission groups</th>
            <th scope="col">Resource groups</th>
          </tr>
        </thead>
        <tbody>
          {plan.policies.map((p, i) => (
            <tr key={i} className={p.dropped ? 'import-dropped' : undefined}>
              <td>{i + 1}</td>
              <td>
                <Badge tone={p.access === 'deny' ? 'danger' : 'success'}>{p.access === 'deny' ? 'Deny' : 'Allow'}</Badge>
                {p.dropped ? <p className="field-error">Left out: {p.dropped}</p> : null}
                {refusals.get(i)?.length ? (
                  <div className="field-error" role="note" aria-label={`Policy ${i + 1}: refused (code 1006)`}>
                    {refusals.get(i)!.some((w) => w.certain) ? 'The API will refuse this (code 1006):' : 'Likely refused (code 1006):'}
                    <ul>
                      {refusals.get(i)!.map((w) => (
                        <li key={w.permissionGroupId}>
                          {w.message} {w.fix}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </td>
              <td>
                <ul className="plain-list">
                  {p.permissionGroups.map((pg, j) => (
                    <PgEntry key={j} pg={pg} />
                  ))}
                </ul>
              </td>
              <td>
                <ul className="plain-list">
                  {p.resourceGroups.map((rg, j) => (
                    <RgEntry key={j} rg={rg} createsOnSave={createsOnSave} />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Members</h4>
      <ul>
        <li>
          {pluralize(plan.members.toAdd.length, 'member')} to add{addMembers ? '' : ' (not chosen)'}
          {plan.members.toAdd.some((m) => m.matchedBy === 'email') ? ', matched by email' : ''}
        </li>
        <li>{pluralize(plan.members.already.length, 'member')} already in the group</li>
        <li>
          {plan.members.notFound.length === 1 ? '1 person is not a member' : `${pluralize(plan.members.notFound.length, 'person', 'people')} are not members`} of this account
          {plan.members.notFound.length ? `: ${plan.members.notFound.map((m) => m.email ?? m.id).join(', ')}` : ''}
        </li>
      </ul>
    </section>
  );
}
