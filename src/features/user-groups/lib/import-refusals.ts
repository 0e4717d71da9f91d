import type { ImportPlan } from '@/lib/group-export';
import type { PermissionGroupLike } from '@/lib/permission-scope';
import { combinationWarnings, type CombinationWarning } from '@/lib/resource-scope';
import type { ScopeLike } from '@/lib/scope-keys';

/**
 * The import's dry run, rule 1006 (Decision 3): for each policy the file would bring in, the
 * permission groups this account's catalogue says cannot go with its resource groups (as
 * matched, created or inline here). Said before anything is written; the API stays the judge.
 */
export function importRefusals(
  plan: Pick<ImportPlan, 'policies'>,
  catalogue: ReadonlyArray<PermissionGroupLike & { id: string }>,
  resourceGroups: ReadonlyArray<{ id: string; name?: string; scope: readonly ScopeLike[] }>,
): Map<number, CombinationWarning[]> {
  const pgs = new Map(catalogue.map((pg) => [pg.id, pg]));
  const rgs = new Map(resourceGroups.map((rg) => [rg.id, rg]));
  const out = new Map<number, CombinationWarning[]>();
  plan.policies.forEach((p, i) => {
    if (p.dropped) return;
    const permissionGroups = p.permissionGroups.flatMap((pg) => (pg.kind === 'found' ? [pgs.get(pg.id) ?? { id: pg.id, name: pg.name }] : []));
    const resources = p.resourceGroups.flatMap((rg) => {
      if (rg.kind === 'existing') {
        const known = rgs.get(rg.id);
        return known ? [{ name: rg.name, scope: known.scope }] : [];
      }
      if (rg.kind === 'create') return [{ name: rg.name, scope: [rg.scope] }];
      if (rg.kind === 'inline') return [{ name: 'the inline resource group', scope: [rg.scope] }];
      return [];
    });
    const warnings = combinationWarnings(permissionGroups, resources);
    if (warnings.length) out.set(i, warnings);
  });
  return out;
}
