import * as z from 'zod/mini';

/**
 * A user group's policies as the composer edits them, and the request body they become. The body
 * is exactly what PUT /user_groups/{id} takes (`{policies: [...]}`), so the JSON view can show and
 * accept it, and a round trip body → draft → body is the identity.
 */

export type Access = 'allow' | 'deny';

export interface InlineScope {
  key: string;
  objects: Array<{ key: string }>;
}

/** A resource group by id, or an inline ("ad-hoc") scope the API turns into an anonymous group. */
export type ResourceRef = { id: string } | { scope: InlineScope; meta?: Record<string, string> };

export interface DraftPolicy {
  /** Client-side identity (React key, error placement); never sent. */
  key: string;
  /** The id of an existing policy of this group, kept on save; absent for a new policy. */
  id?: string;
  access: Access;
  /** Permission group ids, in the order shown. */
  permissionGroups: string[];
  resourceGroups: ResourceRef[];
}

export interface PolicyRequest {
  id?: string;
  access: Access;
  permission_groups: Array<{ id: string }>;
  resource_groups: ResourceRef[];
}

export interface PoliciesBody {
  policies: PolicyRequest[];
}

/** The meta the dashboard sends with an inline scope. */
export const ADHOC_META: Record<string, string> = { adhoc: 'true' };

let counter = 0;
/** A fresh client key; unique within a page's life, which is all React and error mapping need. */
export function newPolicyKey(): string {
  counter += 1;
  return `p${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function isInlineRef(ref: ResourceRef): ref is { scope: InlineScope; meta?: Record<string, string> } {
  return 'scope' in ref;
}

/** A stable string for a resource reference: `id:<id>` or `scope:<key>|<sorted objects>`. */
export function resourceRefKey(ref: ResourceRef): string {
  if (!isInlineRef(ref)) return `id:${ref.id}`;
  const objects = [...new Set(ref.scope.objects.map((o) => o.key))].sort();
  return `scope:${ref.scope.key}|${objects.join(',')}`;
}

/** A policy as the API returns it (only what the composer needs). */
export interface ServerPolicy {
  id?: string;
  access?: Access;
  permission_groups?: Array<{ id: string }>;
  resource_groups?: Array<{ id: string }>;
}

/** The group's saved policies as a draft. `access` missing in a response reads as allow. */
export function draftFromServer(policies: readonly ServerPolicy[] | undefined): DraftPolicy[] {
  return (policies ?? []).map((p, i) => ({
    key: p.id ? `s-${p.id}` : `s-${i}`,
    ...(p.id ? { id: p.id } : {}),
    access: p.access ?? 'allow',
    permissionGroups: (p.permission_groups ?? []).map((pg) => pg.id),
    resourceGroups: (p.resource_groups ?? []).map((rg) => ({ id: rg.id })),
  }));
}

function cloneRef(ref: ResourceRef): ResourceRef {
  if (!isInlineRef(ref)) return { id: ref.id };
  return {
    scope: { key: ref.scope.key, objects: ref.scope.objects.map((o) => ({ key: o.key })) },
    ...(ref.meta ? { meta: { ...ref.meta } } : {}),
  };
}

/** The exact PUT body for a draft, in the draft's order (so pointers like /policies/2 map back). */
export function toRequestBody(policies: readonly DraftPolicy[]): PoliciesBody {
  return {
    policies: policies.map((p) => ({
      ...(p.id ? { id: p.id } : {}),
      access: p.access,
      permission_groups: p.permissionGroups.map((id) => ({ id })),
      resource_groups: p.resourceGroups.map(cloneRef),
    })),
  };
}

const idRef = z.strictObject({ id: z.string().check(z.minLength(1, 'must not be empty')) });
const scopeObject = z.strictObject({ key: z.string().check(z.minLength(1, 'must not be empty')) });
const inlineRef = z.strictObject({
  scope: z.strictObject({ key: z.string().check(z.minLength(1, 'must not be empty')), objects: z.array(scopeObject) }),
  meta: z.optional(z.record(z.string(), z.string())),
});
const policyRequestSchema = z.strictObject({
  id: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  access: z.enum(['allow', 'deny']),
  permission_groups: z.array(idRef),
  resource_groups: z.array(z.union([idRef, inlineRef])),
});
const bodySchema = z.strictObject({ policies: z.array(policyRequestSchema) });

/** The fields each level of the body takes, for "unknown field" messages. */
function allowedKeys(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'policies';
  if (path.length === 2) return 'id, access, permission_groups, resource_groups';
  if (path[2] === 'permission_groups') return 'id';
  return path.length === 4 ? 'id, or scope and meta' : 'key, objects';
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), json);
}

/** zod says "Invalid input" for everything; say what is allowed instead, with what was typed. */
function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const got = valueAt(json, issue.path);
  const shown = got === undefined ? 'nothing' : JSON.stringify(got);
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${shown})`;
    case 'invalid_type':
      return got === undefined ? `is required (${issue.expected})` : `must be ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`} (got ${shown})`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; allowed: ${allowedKeys(issue.path)}`;
    case 'invalid_union':
      return 'must be {"id": "<resource group id>"} or an inline {"scope": {"key": …, "objects": [{"key": …}]}}';
    default:
      return issue.message;
  }
}

export interface BodyProblem {
  /** JSON pointer into the body, e.g. /policies/0/access. */
  pointer: string;
  message: string;
}

export type ParsedBody = { ok: true; policies: DraftPolicy[] } | { ok: false; problems: BodyProblem[] };

/**
 * Reads a request body typed in the JSON view back into a draft. Keys carry over from `previous`
 * (by policy id, else by position) so the cards keep their identity while the admin types.
 */
export function parseRequestBody(text: string, previous: readonly DraftPolicy[] = []): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ pointer: '', message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        pointer: issue.path.length ? `/${issue.path.map(String).join('/')}` : '',
        message: describeIssue(issue, json),
      })),
    };
  }
  const byId = new Map(previous.filter((p) => p.id).map((p) => [p.id!, p.key]));
  const used = new Set<string>();
  const policies = parsed.data.policies.map((p, i): DraftPolicy => {
    let key = p.id ? byId.get(p.id) : undefined;
    const atIndex = previous[i];
    if (!key && atIndex && !atIndex.id && !used.has(atIndex.key)) key = atIndex.key;
    if (!key || used.has(key)) key = newPolicyKey();
    used.add(key);
    return {
      key,
      ...(p.id ? { id: p.id } : {}),
      access: p.access,
      permissionGroups: p.permission_groups.map((pg) => pg.id),
      resourceGroups: p.resource_groups.map((rg) => cloneRef(rg as ResourceRef)),
    };
  });
  return { ok: true, policies };
}

/** Request policies (from an import or a template) as new draft policies with fresh keys. */
export function draftFromRequest(policies: readonly PolicyRequest[]): DraftPolicy[] {
  return policies.map((p) => ({
    key: newPolicyKey(),
    ...(p.id ? { id: p.id } : {}),
    access: p.access,
    permissionGroups: p.permission_groups.map((pg) => pg.id),
    resourceGroups: p.resource_groups.map(cloneRef),
  }));
}

/** The body as the JSON view shows it. */
export function formatRequestBody(policies: readonly DraftPolicy[]): string {
  return JSON.stringify(toRequestBody(policies), null, 2);
}

/** What a policy means, ignoring its id, key and the order of its entries. */
export function policyContentKey(p: Pick<DraftPolicy, 'access' | 'permissionGroups' | 'resourceGroups'>): string {
  const pgs = [...new Set(p.permissionGroups)].sort();
  const rgs = [...new Set(p.resourceGroups.map(resourceRefKey))].sort();
  return `${p.access}|${pgs.join(',')}|${rgs.join(',')}`;
}

/**
 * Same meaning: the same policies (as a multiset of contents), whatever their order and ids.
 * Used to tell a real draft from one that only reshuffled things.
 */
export function samePolicies(a: readonly DraftPolicy[], b: readonly DraftPolicy[]): boolean {
  if (a.length !== b.length) return false;
  const keys = (list: readonly DraftPolicy[]) => list.map(policyContentKey).sort().join('\n');
  return keys(a) === keys(b);
}

/**
 * Gives a new policy the id of a saved policy with the same content that the draft no longer
 * keeps (e.g. after "start from another group" or an import re-created it), so saving keeps that
 * policy instead of deleting and re-creating it.
 */
export function reattachIds(base: readonly DraftPolicy[], draft: readonly DraftPolicy[]): DraftPolicy[] {
  const kept = new Set(draft.flatMap((p) => (p.id ? [p.id] : [])));
  const free = new Map<string, string[]>();
  for (const p of base) {
    if (!p.id || kept.has(p.id)) continue;
    const content = policyContentKey(p);
    free.set(content, [...(free.get(content) ?? []), p.id]);
  }
  return draft.map((p) => {
    if (p.id) return p;
    const ids = free.get(policyContentKey(p));
    const id = ids?.shift();
    return id ? { ...p, id } : p;
  });
}

/** A copy of a policy as a new one (no id, fresh key). */
export function duplicatePolicy(p: DraftPolicy): DraftPolicy {
  return {
    key: newPolicyKey(),
    access: p.access,
    permissionGroups: [...p.permissionGroups],
    resourceGroups: p.resourceGroups.map(cloneRef),
  };
}

export function emptyPolicy(access: Access = 'allow'): DraftPolicy {
  return { key: newPolicyKey(), access, permissionGroups: [], resourceGroups: [] };
}

/** Problems the API would refuse anyway, found before sending: keyed by policy key. */
export interface DraftProblems {
  [policyKey: string]: { permissionGroups?: string; resourceGroups?: string };
}

/** `knownPermissionGroups`, when given, makes an id outside the catalogue a problem too (the API refuses it). */
export function draftProblems(policies: readonly DraftPolicy[], knownPermissionGroups?: ReadonlySet<string>): DraftProblems {
  const out: DraftProblems = {};
  for (const p of policies) {
    const problems: DraftProblems[string] = {};
    const unknown = knownPermissionGroups ? p.permissionGroups.filter((id) => !knownPermissionGroups.has(id)) : [];
    if (p.permissionGroups.length === 0) problems.permissionGroups = 'Choose at least one permission group';
    else if (unknown.length) problems.permissionGroups = `Unknown permission group ${unknown.join(', ')}: remove it or pick one from the catalogue`;
    if (p.resourceGroups.length === 0) problems.resourceGroups = 'Choose at least one resource group';
    if (problems.permissionGroups || problems.resourceGroups) out[p.key] = problems;
  }
  return out;
}
