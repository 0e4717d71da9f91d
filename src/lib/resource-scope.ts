import { coversWholeAccount, parseKey, type ScopeLike } from './scope-keys';
import { permissionScopeOf, type PermissionGroupLike } from './permission-scope';

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
  if (!scopes?.length) return false; // unknown reach: no claim either way
  const reach = reachOf(scopes);
  return !reach.accountWide || reach.zones.length > 0 || reach.other.length > 0;
}

export interface CombinationWarning {
  permissionGroupId: string;
  permissionGroupName: string;
  resourceGroupNames: string[];
}

/**
 * Pairs in one policy the API is expected to refuse with 1006: an account-level permission group
 * (by the heuristic in permission-scope.ts) next to resource groups acting on zones.
 */
export function combinationWarnings(
  permissionGroups: ReadonlyArray<PermissionGroupLike & { id: string }>,
  resourceGroups: ReadonlyArray<{ name: string; scope: readonly ScopeLike[] | undefined }>,
): CombinationWarning[] {
  const zonal = resourceGroups.filter((rg) => actsOnZones(rg.scope)).map((rg) => rg.name);
  if (zonal.length === 0) return [];
  return permissionGroups
    .filter((pg) => permissionScopeOf(pg) === 'account')
    .map((pg) => ({ permissionGroupId: pg.id, permissionGroupName: pg.name ?? pg.id, resourceGroupNames: zonal }));
}
