import { coversWholeAccount, parseKey, type ScopeLike } from './scope-keys';
import { permissionScopeOf, permissionScopeSource, type PermissionGroupLike } from './permission-scope';

/**
 * What a resource group reaches, in the units the effective-access view uses: the whole account
 * (every zone, present and future), specific zones, or keys this console does not know.
 */
export interface ResourceReach {
  accountWide: boolean;
  /** Zone object keys (com.cloudflare.api.account.zone.<id>), deduplicated, sorted. */
  zones: string[];
  /** Any other object keys, verbatim. */
  other: string[];
}

/** A scope list as the internal model has it; today's single-object answer read as one entry. */
export function scopeList(scopes: readonly ScopeLike[] | ScopeLike | null | undefined): readonly ScopeLike[] {
  if (!scopes) return [];
  return Array.isArray(scopes) ? scopes : [scopes as ScopeLike];
}

export function reachOf(scopes: readonly ScopeLike[] | undefined): ResourceReach {
  let accountWide = false;
  const zones = new Set<string>();
  const other = new Set<string>();
  for (const scope of scopeList(scopes)) {
    if (!Array.isArray(scope?.objects)) continue;
    if (coversWholeAccount(scope)) {
      accountWide = true;
      continue;
    }
    // An inline zone scope: the zone key itself, with the object `*`.
    if (parseKey(scope.key)?.kind === 'zone') {
      zones.add(scope.key);
      continue;
    }
    for (const o of scope.objects) {
      const kind = parseKey(o.key)?.kind;
      if (kind === 'zone') zones.add(o.key);
      else if (kind === 'wildcard' || o.key === scope.key) accountWide = true;
      else other.add(o.key);
    }
  }
  return { accountWide, zones: [...zones].sort(), other: [...other].sort() };
}

/** The API's rule 1006 speaks of a resource group "acting on zones": anything not account-wide. */
export function actsOnZones(scopes: readonly ScopeLike[] | undefined): boolean {
  if (!scopeList(scopes).length) return false; // unknown reach: no claim either way
  const reach = reachOf(scopes);
  return !reach.accountWide || reach.zones.length > 0 || reach.other.length > 0;
}

/** Rule 1006's other side: the whole account with no zone objects (the account key, or `*`, alone). */
export function isWholeAccountOnly(scopes: readonly ScopeLike[] | undefined): boolean {
  if (!scopeList(scopes).length) return false; // unknown reach: no claim either way
  const reach = reachOf(scopes);
  return reach.accountWide && reach.zones.length === 0 && reach.other.length === 0;
}

export interface CombinationWarning {
  permissionGroupId: string;
  permissionGroupName: string;
  /** What the permission group acts on; the resource groups named act on the other. */
  actsOn: 'account' | 'zone';
  resourceGroupNames: string[];
  /** From the permission group's `meta.scopes` (the API's own word), not the name heuristic. */
  certain: boolean;
  /** In words: "“DNS” acts on zones; “All of Acme Corp” is the whole account." */
  message: string;
  /** What to change. */
  fix: string;
}

const quoteList = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/**
 * Pairs in one policy the API refuses with 1006 (Decision 3), in both directions: an
 * account-level permission group next to resource groups acting on zones, and a zone-level one
 * next to a resource group that is the whole account with no zone objects. What a permission
 * group acts on comes from `meta.scopes`, else from the name heuristic (permission-scope.ts).
 */
export function combinationWarnings(
  permissionGroups: ReadonlyArray<PermissionGroupLike & { id: string }>,
  resourceGroups: ReadonlyArray<{ name: string; scope: readonly ScopeLike[] | undefined }>,
): CombinationWarning[] {
  const zonal = resourceGroups.filter((rg) => actsOnZones(rg.scope)).map((rg) => rg.name);
  const wholeAccount = resourceGroups.filter((rg) => isWholeAccountOnly(rg.scope)).map((rg) => rg.name);
  const warnings: CombinationWarning[] = [];
  for (const pg of permissionGroups) {
    const scope = permissionScopeOf(pg);
    const name = pg.name ?? pg.id;
    const certain = permissionScopeSource(pg) === 'meta';
    if (scope === 'account' && zonal.length) {
      warnings.push({
        permissionGroupId: pg.id,
        permissionGroupName: name,
        actsOn: 'account',
        resourceGroupNames: zonal,
        certain,
        message: `“${name}” acts on the whole account; ${quoteList(zonal)} ${zonal.length === 1 ? 'acts' : 'act'} on zones.`,
        fix: `Pair “${name}” with an account-wide resource group, in a policy of its own.`,
      });
    } else if (scope === 'zone' && wholeAccount.length) {
      warnings.push({
        permissionGroupId: pg.id,
        permissionGroupName: name,
        actsOn: 'zone',
        resourceGroupNames: wholeAccount,
        certain,
        message: `“${name}” acts on zones; ${quoteList(wholeAccount)} ${wholeAccount.length === 1 ? 'is' : 'are'} the whole account.`,
        fix: `Pair “${name}” with a resource group of zones, in a policy of its own.`,
      });
    }
  }
  return warnings;
}
