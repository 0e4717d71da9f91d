import { z } from 'zod';
import type { SandboxApiShapes } from '../../config.ts';
import type { Db } from '../db/open.ts';
import { ErrorCode, type CfMessage } from '../../http/envelope.ts';
import { newId } from '../ids.ts';
import { permissionGroupResource, type PermissionGroupRow } from '../permission-groups/routes.ts';
import {
  adhocResourceGroup,
  checkScope,
  dropOrphanAdhoc,
  getResourceGroup,
  resourceClassesOf,
  resourceGroupResource,
  scopeSchema,
  type ResourceClass,
  type ResourceGroupRow,
  type Scope,
} from '../resource-groups/model.ts';
import { combinationClash } from './combination-rule.ts';
import { actsOnOf } from '../db/seed-catalogue-permission-groups.ts';

export const MAX_POLICIES = 100;
export const MAX_PERMISSION_GROUPS_PER_POLICY = 250;
export const MAX_RESOURCE_GROUPS_PER_POLICY = 100;

/** Permission and resource group ids in a policy: the schema bounds both to 32 characters. */
const refId = z.string().min(1, 'must not be empty').max(32, 'must be at most 32 characters');
/** A policy's own id: the schema gives no bound; 64 keeps absurd payloads out. */
const policyId = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

/** A resource group by id, or the inline ("ad-hoc") form `{scope, meta?}` the dashboard sends. */
const resourceGroupRef = z
  .strictObject({
    id: refId.optional(),
    scope: scopeSchema.optional(),
    meta: z
      .record(z.string().max(64), z.string().max(200))
      .refine((meta) => Object.keys(meta).length <= 10, 'must have at most 10 entries')
      .optional(),
  })
  .superRefine((ref, ctx) => {
    if (ref.id === undefined && ref.scope === undefined) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'is required (or give an inline scope)' });
    } else if (ref.id !== undefined && ref.scope !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'give either id or an inline scope, not both' });
    } else if (ref.id !== undefined && ref.meta !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['meta'], message: 'is only accepted with an inline scope' });
    }
  });

const policySchema = z.strictObject({
  /** PUT: keeps the group's policy with this id; omitted, or an id the group does not have, the policy is new. */
  id: policyId.optional(),
  access: z.enum(['allow', 'deny']),
  permission_groups: z
    .array(z.strictObject({ id: refId }))
    .min(1, 'must list at least one permission group')
    .max(MAX_PERMISSION_GROUPS_PER_POLICY, `must list at most ${MAX_PERMISSION_GROUPS_PER_POLICY} permission groups`),
  resource_groups: z
    .array(resourceGroupRef)
    .min(1, 'must list at least one resource group')
    .max(MAX_RESOURCE_GROUPS_PER_POLICY, `must list at most ${MAX_RESOURCE_GROUPS_PER_POLICY} resource groups`),
});

export const policiesSchema = z.array(policySchema).max(MAX_POLICIES, `must have at most ${MAX_POLICIES} policies`);
export type PolicyInput = z.output<typeof policySchema>;

type PlannedResourceGroup = { id: string } | { scope: Scope };

export interface PlannedPolicy {
  id: string;
  /** The id is new (none was sent, or not one of this group's): the set it is in differs from any stored one. */
  created: boolean;
  access: 'allow' | 'deny';
  permissionGroupIds: string[];
  resourceGroups: PlannedResourceGroup[];
}

/** Today's API words the 1006 refusal exactly so (Decision 3); the 2024 era explained it in the message. */
export const COMBINATION_MESSAGE =
  'Unknown error when processing member, please try again. Error: invalid permission group and resource group combination';

export function combinationError(at: string, label: string, detail: string, shapes: SandboxApiShapes): CfMessage {
  return shapes === 'today'
    ? { code: ErrorCode.invalidPermissionCombination, message: COMBINATION_MESSAGE, source: { pointer: `${at}/id` } }
    : fieldMessage(`${at}/id`, `${label}.id`, `invalid permission group and resource group combination: ${detail}`, ErrorCode.invalidPermissionCombination);
}

function fieldMessage(pointer: string, label: string, message: string, code: number = ErrorCode.invalidField): CfMessage {
  return { code, message: `${label}: ${message}`, source: { pointer } };
}

/**
 * Checks every reference of a requested policy set against the database and returns the plan to
 * write, or every problem found (each with its JSON pointer), so a form can mark all at once.
 */
export function planPolicies(
  db: Db,
  accountId: string,
  userGroupId: string | null,
  policies: PolicyInput[],
  shapes: SandboxApiShapes,
): { plan: PlannedPolicy[]; errors: CfMessage[] } {
  const errors: CfMessage[] = [];
  const plan: PlannedPolicy[] = [];
  const seenPolicyIds = new Set<string>();
  const policyOwner = db.prepare('SELECT user_group_id FROM policies WHERE id = ?');
  const permissionGroup = db.prepare('SELECT * FROM permission_groups WHERE id = ?');

  policies.forEach((policy, i) => {
    const at = `/policies/${i}`;
    const label = `policies[${i}]`;
    // An id this group's policy has keeps that policy; any other id (unknown, or another group's
    // policy) is a new policy with an id of the server's: the SDK's types make every update send
    // policies[].id, so a client copying or composing policies sends ids the group never had.
    let id = newId();
    if (policy.id !== undefined) {
      const owner = policyOwner.get(policy.id) as { user_group_id: string } | undefined;
      const ours = owner !== undefined && owner.user_group_id === userGroupId;
      if (ours && seenPolicyIds.has(policy.id)) {
        errors.push(fieldMessage(`${at}/id`, `${label}.id`, `policy ${policy.id} appears more than once`));
      } else if (ours) {
        id = policy.id;
      }
      seenPolicyIds.add(policy.id);
    }

    const permissionGroups: Array<{ row: PermissionGroupRow; j: number }> = [];
    const seenPg = new Set<string>();
    policy.permission_groups.forEach((ref, j) => {
      if (seenPg.has(ref.id)) return; // listed twice: once is enough
      seenPg.add(ref.id);
      const row = permissionGroup.get(ref.id) as PermissionGroupRow | undefined;
      if (row) permissionGroups.push({ row, j });
      else {
        errors.push(
          fieldMessage(
            `${at}/permission_groups/${j}/id`,
            `${label}.permission_groups[${j}].id`,
            `invalid permission group "${ref.id}"`,
            ErrorCode.invalidPermissionCombination,
          ),
        );
      }
    });

    const resourceGroups: PlannedResourceGroup[] = [];
    let resolved = true;
    // Each class of resource the policy reaches (the whole account, zones, Workers), with the first
    // resource group reaching it, for rule 1006's message.
    const reached = new Map<ResourceClass, string>();
    const reach = (classes: Set<ResourceClass>, where: string) => {
      for (const resourceClass of classes) if (!reached.has(resourceClass)) reached.set(resourceClass, where);
    };
    policy.resource_groups.forEach((ref, j) => {
      const rgAt = `${at}/resource_groups/${j}`;
      const rgLabel = `${label}.resource_groups[${j}]`;
      if (ref.id !== undefined) {
        const row = getResourceGroup(db, accountId, ref.id);
        if (!row) {
          resolved = false;
          errors.push(fieldMessage(`${rgAt}/id`, `${rgLabel}.id`, `resource group "${ref.id}" not found in this account`));
          return;
        }
        reach(resourceClassesOf(row), `resource group "${row.name}"`);
        resourceGroups.push({ id: row.id });
        return;
      }
      const checked = checkScope(ref.scope!, accountId, { pointer: `${rgAt}/scope`, label: `${rgLabel}.scope` }, { inline: true });
      if (checked.errors.length) {
        resolved = false;
        errors.push(...checked.errors);
        return;
      }
      const shape = { scope_key: checked.scope.key, scope_objects: JSON.stringify(checked.scope.objects) };
      reach(resourceClassesOf(shape), `inline scope ${checked.scope.key}`);
      resourceGroups.push({ scope: checked.scope });
    });

    // Rule 1006 (combination-rule.ts): each permission group only on what it acts on.
    if (resolved) {
      for (const { row, j } of permissionGroups) {
        const clash = combinationClash(row.name, actsOnOf(row), reached, shapes);
        if (clash) errors.push(combinationError(`${at}/permission_groups/${j}`, `${label}.permission_groups[${j}]`, clash, shapes));
      }
    }
    plan.push({ id, created: id !== policy.id, access: policy.access, permissionGroupIds: permissionGroups.map((p) => p.row.id), resourceGroups });
  });
  return { plan, errors };
}

/** A written policy as a save compares it: id, access, and its references' ids joined in order. */
export type PolicyFingerprintRow = [id: string, access: string, permissionGroupIds: string, resourceGroupIds: string];

function fingerprintRow(policy: PlannedPolicy, resourceGroupIds: Set<string>): PolicyFingerprintRow {
  return [policy.id, policy.access, policy.permissionGroupIds.join(','), [...resourceGroupIds].join(',')];
}

/**
 * What writePolicies would answer for the plan, without writing: null when a policy gives an inline
 * scope, whose resource group only writing can find or create.
 */
export function plannedFingerprint(plan: PlannedPolicy[]): PolicyFingerprintRow[] | null {
  const rows: PolicyFingerprintRow[] = [];
  for (const policy of plan) {
    const ids = new Set<string>();
    for (const ref of policy.resourceGroups) {
      if (!('id' in ref)) return null;
      ids.add(ref.id);
    }
    rows.push(fingerprintRow(policy, ids));
  }
  return rows;
}

/** Replaces a group's policies by the plan (inside a transaction); answers what it wrote, for the caller's comparison. */
export function writePolicies(db: Db, accountId: string, userGroupId: string, plan: PlannedPolicy[]): PolicyFingerprintRow[] {
  const previousGroups = (
    db
      .prepare(
        `SELECT prg.resource_group_id AS id FROM policy_resource_groups prg
           JOIN policies p ON p.id = prg.policy_id WHERE p.user_group_id = ?`,
      )
      .all(userGroupId) as Array<{ id: string }>
  ).map((r) => r.id);
  db.prepare('DELETE FROM policies WHERE user_group_id = ?').run(userGroupId);
  const insertPolicy = db.prepare('INSERT INTO policies (id, user_group_id, position, access) VALUES (?, ?, ?, ?)');
  const insertPg = db.prepare(
    'INSERT INTO policy_permission_groups (policy_id, permission_group_id, position) VALUES (?, ?, ?)',
  );
  const insertRg = db.prepare('INSERT INTO policy_resource_groups (policy_id, resource_group_id, position) VALUES (?, ?, ?)');
  const written: PolicyFingerprintRow[] = [];
  plan.forEach((policy, position) => {
    insertPolicy.run(policy.id, userGroupId, position, policy.access);
    policy.permissionGroupIds.forEach((pgId, j) => insertPg.run(policy.id, pgId, j));
    const rgIds = new Set<string>();
    for (const ref of policy.resourceGroups) {
      rgIds.add('id' in ref ? ref.id : adhocResourceGroup(db, accountId, ref.scope).id);
    }
    [...rgIds].forEach((rgId, j) => insertRg.run(policy.id, rgId, j));
    written.push(fingerprintRow(policy, rgIds));
  });
  dropOrphanAdhoc(db, previousGroups);
  return written;
}

export type PolicyResource = {
  id: string;
  access: 'allow' | 'deny';
  permission_groups: Array<ReturnType<typeof permissionGroupResource>>;
  resource_groups: Array<ReturnType<typeof resourceGroupResource>>;
};

/**
 * The policies of many user groups in two queries — each policy with its permission groups, then
 * the policies' resource groups — keyed by user group id.
 */
export function loadPolicies(db: Db, userGroupIds: string[], shapes: SandboxApiShapes): Map<string, PolicyResource[]> {
  const byGroup = new Map<string, PolicyResource[]>(userGroupIds.map((id) => [id, []]));
  if (userGroupIds.length === 0) return byGroup;
  const ids = JSON.stringify(userGroupIds);
  const rows = db
    .prepare(
      `SELECT p.id AS policy_id, p.user_group_id, p.access, pg.id, pg.name, pg.label, pg.scope_level
         FROM policies p
         LEFT JOIN policy_permission_groups ppg ON ppg.policy_id = p.id
         LEFT JOIN permission_groups pg ON pg.id = ppg.permission_group_id
        WHERE p.user_group_id IN (SELECT value FROM json_each(?))
        ORDER BY p.user_group_id, p.position, ppg.position`,
    )
    .all(ids) as Array<Partial<PermissionGroupRow> & { policy_id: string; user_group_id: string; access: 'allow' | 'deny' }>;
  const byPolicy = new Map<string, PolicyResource>();
  for (const row of rows) {
    let policy = byPolicy.get(row.policy_id);
    if (!policy) {
      policy = { id: row.policy_id, access: row.access, permission_groups: [], resource_groups: [] };
      byPolicy.set(row.policy_id, policy);
      byGroup.get(row.user_group_id)!.push(policy);
    }
    if (row.id !== null && row.id !== undefined) policy.permission_groups.push(permissionGroupResource(row as PermissionGroupRow, shapes));
  }
  const rgs = db
    .prepare(
      `SELECT prg.policy_id, rg.* FROM policies p
         JOIN policy_resource_groups prg ON prg.policy_id = p.id
         JOIN resource_groups rg ON rg.id = prg.resource_group_id
        WHERE p.user_group_id IN (SELECT value FROM json_each(?)) ORDER BY prg.policy_id, prg.position`,
    )
    .all(ids) as Array<ResourceGroupRow & { policy_id: string }>;
  for (const rg of rgs) byPolicy.get(rg.policy_id)?.resource_groups.push(resourceGroupResource(rg, shapes));
  return byGroup;
}
