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
  /** Any other object keys, verbatim (Worker keys among them). */
  other: string[];
  /** The Worker object keys (com.cloudflare.api.account.worker.<id>): a subset of `other`. */
  workers: string[];
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
  const sortedOther = [...other].sort();
  return { accountWide, zones: [...zones].sort(), other: sortedOther, workers: sortedOther.filter((key) => parseKey(key)?.kind === 'worker') };
}

/** A resource group of Workers only (per-Worker permissions), not the account and no zone. */
export function isWorkersOnly(scopes: readonly ScopeLike[] | undefined): boolean {
  if (!scopeList(scopes).length) return false; // unknown reach: no claim either way
  const reach = reachOf(scopes);
  return !reach.accountWide && reach.zones.length === 0 && reach.workers.length > 0 && reach.workers.length === reach.other.length;
}

/** The API's rule 1006 speaks of a resource group "acting on zones": anything not account-wide and not Workers only. */
export function actsOnZones(scopes: readonly ScopeLike[] | undefined): boolean {
  if (!scopeList(scopes).length) return false; // unknown reach: no claim either way
  const reach = reachOf(scopes);
  if (isWorkersOnly(scopes)) return reach.zones.length > 0;
  return !reach.accountWide || reach.zones.length > 0 || reach.other.length > reach.workers.length;
}

/** A resource group that names Workers (alone or among zones). */
export function actsOnWorkers(scopes: readonly ScopeLike[] | undefined): boolean {
  return scopeList(scopes).length > 0 && reachOf(scopes).workers.length > 0;
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
  /** What the permission group acts on; the resource groups named act on something else. */
  actsOn: 'account' | 'zone' | 'worker';
  resourceGroupNames: string[];
  /** From the permission group's `meta.scopes` (the API's own word), not the name heuristic. */
  certain: boolean;
  /** In words: "“DNS” acts on zones; “All of Acme Corp” is the whole account." */
  message: string;
  /** What to change. */
  fix: string;
}

const quoteList = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');
const verb = (names: readonly string[], one: string, many: string) => (names.length === 1 ? one : many);

const ACTS_ON: Record<CombinationWarning['actsOn'], string> = { account: 'the whole account', zone: 'zones', worker: 'Workers' };
const FIX: Record<CombinationWarning['actsOn'], string> = {
  account: 'an account-wide resource group',
  zone: 'a resource group of zones',
  worker: 'a resource group of Workers or the whole account',
};

/**
 * Pairs in one policy the API refuses with 1006 (Decision 3): an account-level permission group
 * next to resource groups acting on zones or on Workers; a zone-level one next to the whole
 * account (no zone objects) or Workers; a Workers role next to zones. What a permission group acts
 * on comes from `meta.scopes`, else from the name heuristic (permission-scope.ts).
 */
export function combinationWarnings(
  permissionGroups: ReadonlyArray<PermissionGroupLike & { id: string }>,
  resourceGroups: ReadonlyArray<{ name: string; scope: readonly ScopeLike[] | undefined }>,
): CombinationWarning[] {
  const zonal = resourceGroups.filter((rg) => actsOnZones(rg.scope)).map((rg) => rg.name);
  const workers = resourceGroups.filter((rg) => actsOnWorkers(rg.scope)).map((rg) => rg.name);
  const wholeAccount = resourceGroups.filter((rg) => isWholeAccountOnly(rg.scope)).map((rg) => rg.name);
  const workersOnly = workers.filter((n) => !zonal.includes(n));
  const clashes: Record<CombinationWarning['actsOn'], Array<[names: string[], what: string]>> = {
    account: [
      [zonal, verb(zonal, 'acts on zones', 'act on zones')],
      [workersOnly, verb(workersOnly, 'acts on Workers', 'act on Workers')],
    ],
    zone: [
      [wholeAccount, verb(wholeAccount, 'is the whole account', 'are the whole account')],
      [workers, verb(workers, 'acts on Workers', 'act on Workers')],
    ],
    worker: [[zonal, verb(zonal, 'acts on zones', 'act on zones')]],
  };
  const warnings: CombinationWarning[] = [];
  for (const pg of permissionGroups) {
    const scope = permissionScopeOf(pg);
    if (scope === 'unknown') continue;
    const parts = clashes[scope].filter(([names]) => names.length > 0);
    if (!parts.length) continue;
    const name = pg.name ?? pg.id;
    warnings.push({
      permissionGroupId: pg.id,
      permissionGroupName: name,
      actsOn: scope,
      resourceGroupNames: parts.flatMap(([names]) => names),
      certain: permissionScopeSource(pg) === 'meta',
      message: `“${name}” acts on ${ACTS_ON[scope]}; ${parts.map(([names, what]) => `${quoteList(names)} ${what}`).join('; ')}.`,
      fix: `Pair “${name}” with ${FIX[scope]}, in a policy of its own.`,
    });
  }
  return warnings;
}
