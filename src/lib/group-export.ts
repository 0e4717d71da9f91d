import * as z from 'zod/mini';
import { accountKey, parseKey, shortId, type ScopeLike } from './scope-keys';

/**
 * A user group as a file: name, policies and members, in a canonical, order-stable form, so two
 * exports of the same group are byte-identical whatever order the API listed things in, and a
 * file kept in a repository diffs cleanly. Policy ids and timestamps are left out: they belong to
 * one group and would make every export differ.
 */

export const EXPORT_FORMAT = 'iam-console/user-group@1';

export interface ExportScope {
  key: string;
  objects: Array<{ key: string }>;
}

export interface ExportResourceGroup {
  id: string;
  name?: string;
  /** `{adhoc: "true"}` style meta marks the anonymous groups inline scopes create. */
  meta?: Record<string, string>;
  scope: ExportScope[];
}

export interface ExportPolicy {
  access: 'allow' | 'deny';
  permission_groups: Array<{ id: string; name?: string }>;
  resource_groups: ExportResourceGroup[];
}

export interface ExportMember {
  id: string;
  email?: string;
}

export interface GroupExport {
  format: typeof EXPORT_FORMAT;
  account_id: string;
  name: string;
  policies: ExportPolicy[];
  members: ExportMember[];
}

/** JSON with object keys sorted at every level, two-space indent, a final newline. */
export function canonicalJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function uniqueBy<T>(list: readonly T[], keyOf: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const t of list) if (!seen.has(keyOf(t))) seen.set(keyOf(t), t);
  return [...seen.values()];
}

function canonicalScope(scope: ScopeLike): ExportScope {
  const objects = [...new Set(scope.objects.map((o) => o.key))].sort(byString).map((key) => ({ key }));
  return { key: scope.key, objects };
}

/**
 * Reads a response `meta` (the normalized `{key, value, adhoc?}` of src/api/common-schema.ts, or a
 * raw `{key, value}`) or a request one (`{adhoc: "true"}`) as a plain record.
 */
function metaRecord(meta: unknown): Record<string, string> | undefined {
  if (!meta || typeof meta !== 'object') return undefined;
  const m = meta as Record<string, unknown>;
  if (m.adhoc === true) return { adhoc: 'true' };
  if (typeof m.key === 'string' && typeof m.value === 'string') return { [m.key]: m.value };
  const entries = Object.entries(m).filter((e): e is [string, string] => typeof e[1] === 'string');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

interface SourceGroup {
  name: string;
  policies?: ReadonlyArray<{
    access?: 'allow' | 'deny';
    permission_groups?: ReadonlyArray<{ id: string; name?: string }>;
    resource_groups?: ReadonlyArray<{ id: string; name?: string; meta?: unknown; scope?: readonly ScopeLike[] }>;
  }>;
}

export function buildGroupExport(accountId: string, group: SourceGroup, members: ReadonlyArray<{ id: string; email?: string }>): GroupExport {
  const policies = (group.policies ?? []).map(
    (p): ExportPolicy => ({
      access: p.access ?? 'allow',
      permission_groups: uniqueBy(p.permission_groups ?? [], (pg) => pg.id)
        .map((pg) => ({ id: pg.id, ...(pg.name ? { name: pg.name } : {}) }))
        .sort((a, b) => byString(a.id, b.id)),
      resource_groups: uniqueBy(p.resource_groups ?? [], (rg) => rg.id)
        .map((rg) => {
          const meta = metaRecord(rg.meta);
          return {
            id: rg.id,
            ...(rg.name ? { name: rg.name } : {}),
            ...(meta ? { meta } : {}),
            scope: (rg.scope ?? []).map(canonicalScope).sort((a, b) => byString(a.key, b.key)),
          };
        })
        .sort((a, b) => byString(a.id, b.id)),
    }),
  );
  const sortedPolicies = policies
    .map((p) => ({ p, k: canonicalJson(p) }))
    .sort((a, b) => byString(a.k, b.k))
    .map(({ p }) => p);
  const sortedMembers = uniqueBy(members, (m) => m.id)
    .map((m) => ({ id: m.id, ...(m.email ? { email: m.email } : {}) }))
    .sort((a, b) => byString((a.email ?? '').toLowerCase(), (b.email ?? '').toLowerCase()) || byString(a.id, b.id));
  return { format: EXPORT_FORMAT, account_id: accountId, name: group.name, policies: sortedPolicies, members: sortedMembers };
}

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));
const scopeSchema = z.object({ key: nonEmpty, objects: z.array(z.object({ key: nonEmpty })) });
const fileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  account_id: nonEmpty,
  name: nonEmpty,
  policies: z.array(
    z.object({
      access: z.enum(['allow', 'deny']),
      permission_groups: z.array(z.object({ id: nonEmpty, name: z.optional(z.string()) })),
      resource_groups: z.array(
        z.object({
          id: nonEmpty,
          name: z.optional(z.string()),
          meta: z.optional(z.record(z.string(), z.string())),
          scope: z.array(scopeSchema),
        }),
      ),
    }),
  ),
  members: z.array(z.object({ id: nonEmpty, email: z.optional(z.string()) })),
});

export type ParsedExport = { ok: true; value: GroupExport } | { ok: false; problems: string[] };

export function parseGroupExport(text: string): ParsedExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.length ? `/${i.path.map(String).join('/')}` : '(file)'}: ${i.message}`),
    };
  }
  return { ok: true, value: parsed.data as GroupExport };
}

// ─── Import: a dry run against the target account ───────────────────────────────────────────

export interface ImportTarget {
  accountId: string;
  permissionGroups: ReadonlyArray<{ id: string; name?: string }>;
  resourceGroups: ReadonlyArray<{ id: string; name?: string; scope: readonly ScopeLike[] }>;
  accountMembers: ReadonlyArray<{ id: string; email?: string }>;
  /** The target group's current members (empty for a new group). */
  groupMemberIds: ReadonlySet<string>;
  /**
   * From another account's file: which of its zones (zoneIdsInExport) this account has. A zone
   * belongs to one account, so a resource group naming any other is refused, never created here.
   */
  zonesHere?: ReadonlySet<string>;
}

/** Every zone id the file's resource groups name (what a cross-account import must check). */
export function zoneIdsInExport(file: GroupExport): string[] {
  const ids = new Set<string>();
  for (const p of file.policies) {
    for (const rg of p.resource_groups) {
      for (const scope of rg.scope) {
        for (const key of [scope.key, ...scope.objects.map((o) => o.key)]) {
          const parsed = parseKey(key);
          if (parsed?.kind === 'zone' && parsed.id) ids.add(parsed.id);
        }
      }
    }
  }
  return [...ids].sort(byString);
}

export type PermissionGroupPlan =
  | { kind: 'found'; id: string; name: string; matchedBy: 'id' | 'name' }
  | { kind: 'missing'; source: { id: string; name?: string } };

export type ResourceGroupPlan =
  | { kind: 'existing'; id: string; name: string; matchedBy: 'id' | 'name' | 'scope'; scopeDiffers: boolean; source: ExportResourceGroup }
  | { kind: 'create'; name: string; scope: ExportScope; source: ExportResourceGroup }
  | { kind: 'inline'; scope: ExportScope; source: ExportResourceGroup }
  | { kind: 'invalid'; reason: string; source: ExportResourceGroup };

export interface PolicyPlan {
  access: 'allow' | 'deny';
  permissionGroups: PermissionGroupPlan[];
  resourceGroups: ResourceGroupPlan[];
  /** Why the policy cannot be imported (nothing left to grant or nothing to grant it on). */
  dropped?: string;
}

export interface ImportPlan {
  name: string;
  crossAccount: boolean;
  policies: PolicyPlan[];
  members: {
    toAdd: Array<{ id: string; email?: string; matchedBy: 'id' | 'email' }>;
    already: Array<{ id: string; email?: string }>;
    notFound: ExportMember[];
  };
  warnings: string[];
}

const sameScopes = (a: readonly ScopeLike[], b: readonly ScopeLike[]) =>
  canonicalJson(a.map(canonicalScope).sort((x, y) => byString(x.key, y.key))) ===
  canonicalJson(b.map(canonicalScope).sort((x, y) => byString(x.key, y.key)));

function isAdhoc(rg: ExportResourceGroup): boolean {
  return rg.meta?.adhoc === 'true' || (rg.name !== undefined && parseKey(rg.name) !== null);
}

function zoneIdsInScopes(scopes: readonly ExportScope[]): string[] {
  return scopes.flatMap((scope) =>
    [scope.key, ...scope.objects.map((o) => o.key)].flatMap((key) => {
      const parsed = parseKey(key);
      return parsed?.kind === 'zone' && parsed.id ? [parsed.id] : [];
    }),
  );
}

export function planImport(file: GroupExport, target: ImportTarget): ImportPlan {
  const crossAccount = file.account_id !== target.accountId;
  const warnings: string[] = [];
  const fromKey = accountKey(file.account_id);
  const toKey = accountKey(target.accountId);
  const rewrite = (scope: ExportScope): ExportScope =>
    crossAccount
      ? {
          key: scope.key === fromKey ? toKey : scope.key,
          objects: scope.objects.map((o) => ({ key: o.key === fromKey ? toKey : o.key })),
        }
      : scope;

  const pgById = new Map(target.permissionGroups.map((pg) => [pg.id, pg]));
  const pgByName = new Map(target.permissionGroups.filter((pg) => pg.name).map((pg) => [pg.name!.toLowerCase(), pg]));
  const rgById = new Map(target.resourceGroups.map((rg) => [rg.id, rg]));
  const rgByName = new Map(target.resourceGroups.filter((rg) => rg.name).map((rg) => [rg.name!.toLowerCase(), rg]));
  let zonesFromElsewhere = false;

  const planRg = (source: ExportResourceGroup): ResourceGroupPlan => {
    const scope = source.scope.map(rewrite);
    const label = (rg: { id: string; name?: string }) => rg.name ?? rg.id;
    const byId = crossAccount ? undefined : rgById.get(source.id);
    if (byId) return { kind: 'existing', id: byId.id, name: label(byId), matchedBy: 'id', scopeDiffers: !sameScopes(byId.scope, scope), source };
    const adhoc = isAdhoc(source);
    // Remapped: this account's own group of the same name (its own zones), flagged if they differ.
    const byName = !adhoc && source.name ? rgByName.get(source.name.toLowerCase()) : undefined;
    if (byName) return { kind: 'existing', id: byName.id, name: label(byName), matchedBy: 'name', scopeDiffers: !sameScopes(byName.scope, scope), source };
    const byScope = target.resourceGroups.find((rg) => sameScopes(rg.scope, scope));
    if (byScope) return { kind: 'existing', id: byScope.id, name: label(byScope), matchedBy: 'scope', scopeDiffers: false, source };
    // Refused: a zone belongs to one account; this one cannot be given another account's zones.
    const elsewhere = crossAccount ? zoneIdsInScopes(scope).filter((id) => !target.zonesHere?.has(id)) : [];
    if (elsewhere.length) {
      zonesFromElsewhere = true;
      return {
        kind: 'invalid',
        reason: `names ${elsewhere.length === 1 ? 'a zone' : `${elsewhere.length} zones`} of another account (${elsewhere.map(shortId).join(', ')}), which this account cannot use`,
        source,
      };
    }
    if (scope.length !== 1) {
      return { kind: 'invalid', reason: `has ${scope.length} scopes; a resource group can be created with one`, source };
    }
    if (adhoc) return { kind: 'inline', scope: scope[0]!, source };
    return { kind: 'create', name: source.name ?? `Imported ${source.id}`, scope: scope[0]!, source };
  };

  const policies = file.policies.map((p): PolicyPlan => {
    const permissionGroups = p.permission_groups.map((pg): PermissionGroupPlan => {
      const byId = pgById.get(pg.id);
      if (byId) return { kind: 'found', id: byId.id, name: byId.name ?? pg.name ?? byId.id, matchedBy: 'id' };
      const byName = pg.name ? pgByName.get(pg.name.toLowerCase()) : undefined;
      if (byName) return { kind: 'found', id: byName.id, name: byName.name ?? byName.id, matchedBy: 'name' };
      return { kind: 'missing', source: pg };
    });
    const resourceGroups = p.resource_groups.map(planRg);
    const plan: PolicyPlan = { access: p.access, permissionGroups, resourceGroups };
    if (!permissionGroups.some((pg) => pg.kind === 'found')) plan.dropped = 'none of its permission groups exists here';
    else if (!resourceGroups.some((rg) => rg.kind !== 'invalid')) plan.dropped = 'none of its resource groups can be used here';
    return plan;
  });
  if (zonesFromElsewhere) {
    warnings.push(
      'The file comes from another account and names its zones: zones belong to one account, so resource groups on them are not imported. Add this account’s zones to the policies after loading.',
    );
  }

  const memberById = new Map(target.accountMembers.map((m) => [m.id, m]));
  const memberByEmail = new Map(target.accountMembers.filter((m) => m.email).map((m) => [m.email!.toLowerCase(), m]));
  const members: ImportPlan['members'] = { toAdd: [], already: [], notFound: [] };
  const queued = new Set<string>();
  for (const m of file.members) {
    const byId = crossAccount ? undefined : memberById.get(m.id);
    const found = byId ?? (m.email ? memberByEmail.get(m.email.toLowerCase()) : undefined);
    if (!found) members.notFound.push(m);
    else if (target.groupMemberIds.has(found.id)) members.already.push(found);
    else if (!queued.has(found.id)) {
      queued.add(found.id);
      members.toAdd.push({ id: found.id, email: found.email, matchedBy: byId ? 'id' : 'email' });
    }
  }
  return { name: file.name, crossAccount, policies, members, warnings };
}

/** Resource groups the import will create (named ones), each once. */
export function groupsToCreate(plan: ImportPlan): Array<{ sourceId: string; name: string; scope: ExportScope }> {
  const out = new Map<string, { sourceId: string; name: string; scope: ExportScope }>();
  for (const p of plan.policies) {
    if (p.dropped) continue;
    for (const rg of p.resourceGroups) {
      if (rg.kind === 'create' && !out.has(rg.source.id)) out.set(rg.source.id, { sourceId: rg.source.id, name: rg.name, scope: rg.scope });
    }
  }
  return [...out.values()];
}

/**
 * The imported policies as request policies, once the groups to create exist (`created`: source id
 * → new id). With `createNow: false` (loading into a draft: nothing is written before the admin
 * saves) a group to create goes in as the policy's inline scope instead, which the API creates with
 * the save itself.
 */
export function importedPolicies(
  plan: ImportPlan,
  created: ReadonlyMap<string, string>,
  { createNow = true }: { createNow?: boolean } = {},
): Array<{ access: 'allow' | 'deny'; permission_groups: Array<{ id: string }>; resource_groups: Array<{ id: string } | { scope: ExportScope; meta: Record<string, string> }> }> {
  return plan.policies.flatMap((p) => {
    if (p.dropped) return [];
    const permission_groups = [...new Set(p.permissionGroups.flatMap((pg) => (pg.kind === 'found' ? [pg.id] : [])))].map((id) => ({ id }));
    const resource_groups = p.resourceGroups.flatMap((rg): Array<{ id: string } | { scope: ExportScope; meta: Record<string, string> }> => {
      if (rg.kind === 'existing') return [{ id: rg.id }];
      if (rg.kind === 'inline') return [{ scope: rg.scope, meta: { adhoc: 'true' } }];
      if (rg.kind === 'create') {
        if (!createNow) return [{ scope: rg.scope, meta: { adhoc: 'true' } }];
        const id = created.get(rg.source.id);
        return id ? [{ id }] : [];
      }
      return [];
    });
    if (permission_groups.length === 0 || resource_groups.length === 0) return [];
    return [{ access: p.access, permission_groups, resource_groups }];
  });
}
