import { reachOf, type ResourceReach } from './resource-scope';
import type { ScopeLike } from './scope-keys';

/**
 * Effective access: for each permission group × resource, whether a set of policies (one group's,
 * or every group a member is in) allows it, denies it, or says nothing — and which policies
 * decide. The model, stated so the views can show it:
 *  - a member's access is the union of the policies of all their groups;
 *  - a deny anywhere overrides any allow of the same permission group on the same resource;
 *  - an account-wide resource group reaches the account and every zone in it; a zone resource
 *    group reaches only its zones;
 *  - the order of policies (and of groups) never matters.
 */

export type Outcome = 'allow' | 'deny' | 'none';

export interface PolicyRef {
  /** The user group's id; for a grant given to the member directly, `member:<member id>`. */
  groupId: string;
  groupName: string;
  /**
   * Where the policy lives: a user group's policy (the default), a policy on the account member
   * itself, or a legacy account role (read as an allow of the same-named permission group on the
   * whole account).
   */
  source?: 'group' | 'member-policy' | 'role';
  policyId?: string;
  /** 1-based position within its group, as the composer numbers cards. */
  position: number;
}

export interface AccessPolicy {
  ref: PolicyRef;
  access: 'allow' | 'deny';
  permissionGroups: ReadonlyArray<{ id: string; name?: string; meta?: unknown }>;
  /** `name` is the label to show; `scope` decides what it reaches. */
  resourceGroups: ReadonlyArray<{ id: string; name: string; scope?: readonly ScopeLike[] }>;
}

export const ACCOUNT_COLUMN = 'account';

export interface ResourceColumn {
  /** `account`, a zone object key, or another object key. */
  key: string;
  kind: 'account' | 'zone' | 'other';
  /** Resource groups that name this resource specifically (account-wide ones reach all). */
  via: string[];
}

export interface Reason {
  policy: PolicyRef;
  access: 'allow' | 'deny';
  /** The policy's resource groups through which it reaches this resource. */
  through: string[];
  /**
   * Set when the policy decides through an admin permission group that includes the one asked
   * about (Super Administrator includes every permission group; Administrator all but billing
   * and membership): the admin permission group the policy names.
   */
  implied?: { id: string; name: string };
}

export interface AccessCell {
  outcome: Outcome;
  /** The policies that decide: every deny if any, else every allow. */
  decidedBy: Reason[];
  /** Allows that a deny overrides. */
  overridden: Reason[];
}

export interface AccessMatrix {
  /** `admin`: an admin permission group (by name or `meta.label`), which includes others. */
  permissionGroups: Array<{ id: string; name: string; admin?: AdminLevel }>;
  columns: ResourceColumn[];
  /**
   * By permission group id, then column key. Two levels of Map, not one key joined from both: a
   * joined key is a new string to hash on every lookup, and a member's matrix does hundreds.
   */
  cells: Map<string, Map<string, AccessCell>>;
}

const NONE: AccessCell = { outcome: 'none', decidedBy: [], overridden: [] };

export function cellOf(matrix: AccessMatrix, permissionGroupId: string, columnKey: string): AccessCell {
  return matrix.cells.get(permissionGroupId)?.get(columnKey) ?? NONE;
}

function compareRefs(a: Reason, b: Reason): number {
  return (
    a.policy.groupName.localeCompare(b.policy.groupName) ||
    a.policy.groupId.localeCompare(b.policy.groupId) ||
    (a.policy.policyId ?? '').localeCompare(b.policy.policyId ?? '') ||
    a.policy.position - b.policy.position
  );
}

/**
 * What a resource group reaches, computed once per scope list: a member's matrix combines the
 * policies of all their groups, and the same resource groups recur in thousands of them.
 */
const reachByScope = new WeakMap<readonly ScopeLike[], ResourceReach>();
const NO_REACH = reachOf(undefined);

export function resourceGroupReach(rg: AccessPolicy['resourceGroups'][number]): ResourceReach {
  if (!rg.scope) return NO_REACH;
  let reach = reachByScope.get(rg.scope);
  if (!reach) {
    reach = reachOf(rg.scope);
    reachByScope.set(rg.scope, reach);
  }
  return reach;
}

export function computeEffectiveAccess(policies: readonly AccessPolicy[]): AccessMatrix {
  // Columns: the account, then every zone or other key any policy names.
  const columnMap = new Map<string, ResourceColumn>([[ACCOUNT_COLUMN, { key: ACCOUNT_COLUMN, kind: 'account', via: [] }]]);
  const pgNames = new Map<string, string>();
  const adminLevels = new Map<string, AdminLevel>();
  for (const p of policies) {
    for (const pg of p.permissionGroups) {
      // Any policy that names the group wins over one that carries only its id.
      if (!pgNames.has(pg.id) || (pg.name && pgNames.get(pg.id) === pg.id)) pgNames.set(pg.id, pg.name ?? pg.id);
      const level = adminLevelOf(pg);
      if (level) adminLevels.set(pg.id, level);
    }
    for (const rg of p.resourceGroups) {
      const reach = resourceGroupReach(rg);
      if (reach.accountWide) columnMap.get(ACCOUNT_COLUMN)!.via.push(rg.name);
      for (const z of reach.zones) {
        const col = columnMap.get(z) ?? { key: z, kind: 'zone' as const, via: [] };
        col.via.push(rg.name);
        columnMap.set(z, col);
      }
      for (const o of reach.other) {
        const col = columnMap.get(o) ?? { key: o, kind: 'other' as const, via: [] };
        col.via.push(rg.name);
        columnMap.set(o, col);
      }
    }
  }
  const kindOrder = { account: 0, zone: 1, other: 2 };
  const columns = [...columnMap.values()]
    .map((c) => ({ ...c, via: [...new Set(c.via)].sort() }))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.key.localeCompare(b.key));
  const permissionGroups = [...pgNames.entries()]
    .map(([id, name]) => {
      const admin = adminLevels.get(id);
      return admin ? { id, name, admin } : { id, name };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  const cells = new Map<string, Map<string, AccessCell>>();
  for (const p of policies) {
    // The resource groups through which this policy reaches each column: account-wide ones reach all.
    const everywhere: string[] = [];
    const byColumn = new Map<string, string[]>();
    for (const rg of p.resourceGroups) {
      const reach = resourceGroupReach(rg);
      if (reach.accountWide) {
        everywhere.push(rg.name);
        continue;
      }
      for (const key of [...reach.zones, ...reach.other]) {
        const names = byColumn.get(key);
        if (names) names.push(rg.name);
        else byColumn.set(key, [rg.name]);
      }
    }
    const permissionGroupIds = new Set(p.permissionGroups.map((g) => g.id));
    for (const column of columns) {
      const specific = column.kind === 'account' ? undefined : byColumn.get(column.key);
      if (everywhere.length === 0 && !specific) continue;
      const through = [...new Set(specific ? [...everywhere, ...specific] : everywhere)].sort();
      for (const pg of permissionGroupIds) {
        let row = cells.get(pg);
        if (!row) cells.set(pg, (row = new Map()));
        let cell = row.get(column.key);
        if (!cell) row.set(column.key, (cell = { outcome: 'none', decidedBy: [], overridden: [] }));
        const reason: Reason = { policy: p.ref, access: p.access, through };
        if (p.access === 'deny') {
          if (cell.outcome !== 'deny') {
            cell.overridden = [...cell.overridden, ...cell.decidedBy];
            cell.decidedBy = [];
            cell.outcome = 'deny';
          }
          cell.decidedBy.push(reason);
        } else if (cell.outcome === 'deny') cell.overridden.push(reason);
        else {
          cell.outcome = 'allow';
          cell.decidedBy.push(reason);
        }
      }
    }
  }
  for (const row of cells.values()) {
    for (const cell of row.values()) {
      if (cell.decidedBy.length > 1) cell.decidedBy.sort(compareRefs);
      if (cell.overridden.length > 1) cell.overridden.sort(compareRefs);
    }
  }
  return { permissionGroups, columns, cells };
}

/** Zones where a deny takes back what an account-wide allow gives (for the account cell's note). */
export function deniedExceptions(matrix: AccessMatrix, permissionGroupId: string): string[] {
  if (cellOf(matrix, permissionGroupId, ACCOUNT_COLUMN).outcome !== 'allow') return [];
  return matrix.columns
    .filter((c) => c.kind !== 'account' && cellOf(matrix, permissionGroupId, c.key).outcome === 'deny')
    .map((c) => c.key);
}

export interface AccessChange {
  permissionGroupId: string;
  permissionGroupName: string;
  column: string;
  from: Outcome;
  to: Outcome;
}

/**
 * The outcome on any resource, listed in the matrix or not: a zone no policy names is reached
 * only by account-wide resource groups, so it reads like the account column.
 */
export function outcomeAt(matrix: AccessMatrix, permissionGroupId: string, columnKey: string): Outcome {
  return cellAt(matrix, permissionGroupId, columnKey).outcome;
}

/** The deciding cell on any resource, listed in the matrix or not (see outcomeAt). */
export function cellAt(matrix: AccessMatrix, permissionGroupId: string, columnKey: string): AccessCell {
  const listed = matrix.columns.some((c) => c.key === columnKey);
  return cellOf(matrix, permissionGroupId, listed ? columnKey : ACCOUNT_COLUMN);
}

/** What a change grants or revokes: every cell whose outcome differs between two matrices. */
export function diffAccess(before: AccessMatrix, after: AccessMatrix): AccessChange[] {
  const names = new Map([...before.permissionGroups, ...after.permissionGroups].map((pg) => [pg.id, pg.name]));
  const columns = [...new Set([...before.columns, ...after.columns].map((c) => c.key))];
  const changes: AccessChange[] = [];
  for (const [id, name] of [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))) {
    for (const column of columns) {
      const from = outcomeAt(before, id, column);
      const to = outcomeAt(after, id, column);
      if (from !== to) changes.push({ permissionGroupId: id, permissionGroupName: name, column, from, to });
    }
  }
  return changes;
}

/** One group's policies (as the API returns them) in the computation's terms. */
export function groupAccessPolicies(
  group: {
    id: string;
    name: string;
    policies?: ReadonlyArray<{
      id?: string;
      access?: 'allow' | 'deny';
      permission_groups?: ReadonlyArray<{ id: string; name?: string }>;
      resource_groups?: ReadonlyArray<{ id: string; name?: string; scope?: ScopeLike[] }>;
    }>;
  },
  labelOf: (rg: { id: string; name?: string; scope?: ScopeLike[] }) => string,
): AccessPolicy[] {
  return (group.policies ?? []).map((p, i) => ({
    ref: { groupId: group.id, groupName: group.name, ...(p.id ? { policyId: p.id } : {}), position: i + 1 },
    access: p.access ?? 'allow',
    permissionGroups: p.permission_groups ?? [],
    resourceGroups: (p.resource_groups ?? []).map((rg) => ({ id: rg.id, name: labelOf(rg), scope: rg.scope })),
  }));
}

// ---------------------------------------------------------------------------------------------
// Admin access. Super Administrator and Administrator are permission groups (and legacy roles)
// that include others: holding one on the whole account answers "yes" for the permission groups
// it includes, wherever no deny of that permission group takes it back.

export const SUPER_ADMINISTRATOR = 'Super Administrator - All Privileges';
export const ADMINISTRATOR = 'Administrator';

export type AdminLevel = 'super' | 'admin';

/** A permission group as any answer carries it: a name, and `meta` in either era's shape. */
export interface NamedPermissionGroup {
  id?: string;
  name?: string;
  meta?: unknown;
}

const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase();

/** `meta.label` of today's `{label, scopes}` meta, or the value of the older `{key:'label', value}`. */
export function metaLabel(meta: unknown): string | undefined {
  if (!meta || typeof meta !== 'object') return undefined;
  const m = meta as Record<string, unknown>;
  if (typeof m.label === 'string') return m.label;
  if (m.key === 'label' && typeof m.value === 'string') return m.value;
  return undefined;
}

/** Decision 7: the admin permission groups, by `meta.label` (super_admin, admin) or by name. */
export function adminLevelOf(pg: NamedPermissionGroup | undefined): AdminLevel | null {
  if (!pg) return null;
  const label = norm(metaLabel(pg.meta));
  if (label === 'super_admin') return 'super';
  if (label === 'admin') return 'admin';
  const name = norm(pg.name);
  if (name === norm(SUPER_ADMINISTRATOR)) return 'super';
  if (name === norm(ADMINISTRATOR)) return 'admin';
  return null;
}

/** Whether a group's policies allow an admin permission group (time-bound grants then need a reason). */
export function grantsAdmin(policies: ReadonlyArray<{ access?: string; permission_groups?: ReadonlyArray<NamedPermissionGroup> }>): boolean {
  return policies.some((p) => p.access !== 'deny' && (p.permission_groups ?? []).some((pg) => adminLevelOf(pg) !== null));
}

/**
 * Whether holding an admin permission group gives this one too. Cloudflare: Super Administrator
 * "can edit any Cloudflare setting, make purchases, update billing, and manage memberships";
 * Administrator "can access the full account, except for membership management and billing".
 */
export function adminIncludes(level: AdminLevel, pg: NamedPermissionGroup): boolean {
  const own = adminLevelOf(pg);
  if (level === 'super') return own !== 'super';
  if (own) return false;
  return !/(^|[^a-z])billing($|[^a-z])/.test(norm(pg.name)) && !/billing/.test(norm(metaLabel(pg.meta)));
}

/**
 * The deciding cell once admin permission groups are expanded: a deny of the permission group
 * itself still wins; otherwise an allowed admin permission group that includes it allows it
 * (its reasons marked `implied`), and an admin allow a deny takes back is reported as such.
 * `pg.name` (or meta) is needed to know what Administrator includes; the matrix's name is used
 * when the caller has none.
 */
export function cellWithAdmin(matrix: AccessMatrix, pg: NamedPermissionGroup & { id: string }, columnKey: string): AccessCell {
  const direct = cellAt(matrix, pg.id, columnKey);
  const listed = matrix.permissionGroups.find((g) => g.id === pg.id);
  const target: NamedPermissionGroup = { ...pg, name: pg.name ?? listed?.name, ...(listed?.admin && !pg.meta ? { meta: { label: listed.admin === 'super' ? 'super_admin' : 'admin' } } : {}) };
  const allows: Reason[] = [];
  const denies: Reason[] = [];
  const overridden: Reason[] = [];
  for (const admin of matrix.permissionGroups) {
    if (admin.id === pg.id) continue;
    const level = admin.admin ?? adminLevelOf(admin);
    if (!level || !adminIncludes(level, target)) continue;
    const cell = cellAt(matrix, admin.id, columnKey);
    const mark = (r: Reason): Reason => ({ ...r, implied: { id: admin.id, name: admin.name } });
    if (cell.outcome === 'allow') allows.push(...cell.decidedBy.map(mark));
    else if (cell.outcome === 'deny') {
      denies.push(...cell.decidedBy.map(mark));
      overridden.push(...cell.overridden.map(mark));
    }
  }
  // A deny of the permission group itself wins over what an admin one would give.
  if (direct.outcome === 'deny') return allows.length ? { ...direct, overridden: [...direct.overridden, ...allows] } : direct;
  if (direct.outcome === 'allow' || allows.length) {
    return { outcome: 'allow', decidedBy: [...direct.decidedBy, ...allows], overridden: direct.overridden };
  }
  if (overridden.length) return { outcome: 'deny', decidedBy: denies, overridden };
  return direct;
}

/** A matrix whose cells read with admin permission groups expanded (see cellWithAdmin), same rows and columns. */
export function withAdminExpanded(matrix: AccessMatrix): AccessMatrix {
  if (!matrix.permissionGroups.some((pg) => pg.admin ?? adminLevelOf(pg))) return matrix;
  const cells = new Map<string, Map<string, AccessCell>>();
  for (const pg of matrix.permissionGroups) {
    const row = new Map<string, AccessCell>();
    for (const column of matrix.columns) {
      const cell = cellWithAdmin(matrix, pg, column.key);
      if (cell.outcome !== 'none') row.set(column.key, cell);
    }
    if (row.size) cells.set(pg.id, row);
  }
  return { ...matrix, cells };
}

const WHOLE_ACCOUNT_LABEL = 'the whole account';

/**
 * What an account member holds directly, in the computation's terms: its own policies (the
 * member-policy form of the members API), and its legacy roles, each read as an allow of the
 * same-named permission group on the whole account (`permissionGroupIdOf` names the catalogue's
 * id for a role's name, so a question by id finds it).
 */
export function memberAccessPolicies(
  member: {
    id: string;
    roles?: ReadonlyArray<{ id?: string; name?: string }>;
    policies?: ReadonlyArray<{
      id?: string;
      access?: 'allow' | 'deny';
      permission_groups?: ReadonlyArray<{ id: string; name?: string; meta?: unknown }>;
      resource_groups?: ReadonlyArray<{ id: string; name?: string; scope?: ScopeLike[] }>;
    }>;
  },
  options: {
    accountId: string;
    labelOf: (rg: { id: string; name?: string; scope?: ScopeLike[] }) => string;
    permissionGroupIdOf?: (name: string) => string | undefined;
  },
): AccessPolicy[] {
  const groupId = `member:${member.id}`;
  const policies: AccessPolicy[] = (member.policies ?? []).map((p, i) => ({
    ref: { groupId, groupName: 'Member policy', source: 'member-policy', ...(p.id ? { policyId: p.id } : {}), position: i + 1 },
    access: p.access ?? 'allow',
    permissionGroups: p.permission_groups ?? [],
    resourceGroups: (p.resource_groups ?? []).map((rg) => ({ id: rg.id, name: options.labelOf(rg), scope: rg.scope })),
  }));
  const account = `com.cloudflare.api.account.${options.accountId}`;
  const wholeAccount = [{ key: account, objects: [{ key: account }] }];
  (member.roles ?? []).forEach((role, i) => {
    const name = role.name ?? role.id ?? 'Role';
    policies.push({
      ref: { groupId, groupName: `Role ${name}`, source: 'role', ...(role.id ? { policyId: role.id } : {}), position: i + 1 },
      access: 'allow',
      permissionGroups: [{ id: options.permissionGroupIdOf?.(name) ?? `role:${name}`, name }],
      resourceGroups: [{ id: 'role-account', name: WHOLE_ACCOUNT_LABEL, scope: wholeAccount }],
    });
  });
  return policies;
}
