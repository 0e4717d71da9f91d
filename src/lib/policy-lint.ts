import { isInlineRef, parseRequestBody, type BodyProblem, type DraftPolicy } from './policy-draft';
import { combinationWarnings } from './resource-scope';
import { parseKey, type KeyNames, type ScopeLike } from './scope-keys';

/**
 * The JSON view's lint: beyond "does it parse", whether every id it names exists, and what each
 * known id is. An unknown permission group parses fine yet the API refuses the save, so it is an
 * error here, before saving, not a "Valid".
 */

export interface KnownIds {
  /** Permission group id → name (the catalogue, plus what the group's own policies embed). */
  permissionGroups: ReadonlyMap<string, string>;
  /** Resource group id → label. */
  resourceGroups: ReadonlyMap<string, string>;
  /** Saved policy id → how the composer numbers it ("Policy 2"). */
  policies: ReadonlyMap<string, string>;
  /** Permission group id → its `meta` (either era), to know what it acts on (rule 1006). */
  permissionGroupMeta?: ReadonlyMap<string, unknown>;
  /** Resource group id → its scope, to know what it reaches (rule 1006). */
  resourceGroupScopes?: ReadonlyMap<string, readonly ScopeLike[]>;
  /** To say what the keys of an inline scope are: the account by name, zones by domain. */
  keyNames?: KeyNames;
}

/** An id (or an inline scope's key) of the body and what it is; each listed once, at its first pointer. */
export interface NamedId {
  pointer: string;
  kind: 'policy' | 'permission group' | 'resource group' | 'account' | 'zone';
  id: string;
  name: string;
}

/** The keys of an inline scope, each with what it names ("zone acme.io", "account Acme Corp"). */
function inlineScopeNames(scope: ScopeLike, at: string, keyNames: KeyNames = {}): NamedId[] {
  const entries = [{ pointer: `${at}/scope/key`, key: scope.key }, ...scope.objects.map((o, k) => ({ pointer: `${at}/scope/objects/${k}/key`, key: o.key }))];
  return entries.flatMap(({ pointer, key }): NamedId[] => {
    const parsed = parseKey(key);
    if (parsed?.kind === 'zone') {
      const zone = keyNames.zone?.(parsed.id);
      const name = zone?.state === 'found' ? zone.name : zone?.state === 'missing' ? '(this account has no such zone)' : '(its domain is not known yet)';
      return [{ pointer, kind: 'zone', id: key, name }];
    }
    if (parsed?.kind === 'account') {
      const name = parsed.id !== keyNames.accountId ? '(another account)' : keyNames.accountName ? `${keyNames.accountName} (this account)` : '(this account)';
      return [{ pointer, kind: 'account', id: key, name }];
    }
    return [];
  });
}

/**
 * `refusals`: pairings the API refuses with 1006 (Decision 3), said in words, at the permission
 * group's pointer. They parse and apply to the cards; saving them would fail.
 */
export type JsonLint =
  | { state: 'invalid'; problems: BodyProblem[] }
  | { state: 'unknown-ids'; policies: DraftPolicy[]; problems: BodyProblem[]; names: NamedId[]; refusals: BodyProblem[] }
  | { state: 'valid'; policies: DraftPolicy[]; names: NamedId[]; refusals: BodyProblem[] };

/** Rule 1006 for one policy of a body: each permission group that cannot go with its resource groups. */
export function policyRefusals(p: DraftPolicy, at: string, known: KnownIds): BodyProblem[] {
  const resources = p.resourceGroups.flatMap((ref) => {
    if (isInlineRef(ref)) return [{ name: 'the inline resource group', scope: [ref.scope] }];
    const scope = known.resourceGroupScopes?.get(ref.id);
    return scope ? [{ name: known.resourceGroups.get(ref.id) ?? ref.id, scope }] : [];
  });
  const pgs = p.permissionGroups.map((id) => ({ id, name: known.permissionGroups.get(id), meta: known.permissionGroupMeta?.get(id) }));
  return combinationWarnings(pgs, resources).map((w) => ({
    pointer: `${at}/permission_groups/${p.permissionGroups.indexOf(w.permissionGroupId)}/id`,
    message: `${w.certain ? 'the API refuses this pairing' : 'likely refused'} (code 1006): ${w.message} ${w.fix}`,
  }));
}

export function lintDraft(policies: readonly DraftPolicy[], known: KnownIds): { problems: BodyProblem[]; names: NamedId[]; refusals: BodyProblem[] } {
  const problems: BodyProblem[] = [];
  const names: NamedId[] = [];
  const refusals: BodyProblem[] = [];
  policies.forEach((p, i) => {
    const at = `/policies/${i}`;
    refusals.push(...policyRefusals(p, at, known));
    if (p.id) {
      const label = known.policies.get(p.id);
      if (label) names.push({ pointer: `${at}/id`, kind: 'policy', id: p.id, name: label });
      else problems.push({ pointer: `${at}/id`, message: `no saved policy of this group has id ${JSON.stringify(p.id)}; leave "id" out to add a new policy` });
    }
    p.permissionGroups.forEach((id, j) => {
      const pointer = `${at}/permission_groups/${j}/id`;
      const name = known.permissionGroups.get(id);
      if (name) names.push({ pointer, kind: 'permission group', id, name });
      else problems.push({ pointer, message: `unknown permission group ${JSON.stringify(id)}: the account's catalogue has no permission group with this id` });
    });
    p.resourceGroups.forEach((ref, j) => {
      if (isInlineRef(ref)) {
        names.push(...inlineScopeNames(ref.scope, `${at}/resource_groups/${j}`, known.keyNames));
        return;
      }
      const pointer = `${at}/resource_groups/${j}/id`;
      const name = known.resourceGroups.get(ref.id);
      if (name) names.push({ pointer, kind: 'resource group', id: ref.id, name });
      else problems.push({ pointer, message: `unknown resource group ${JSON.stringify(ref.id)}: this account has no resource group with this id` });
    });
  });
  // The same permission group or zone in several policies is explained once.
  const seen = new Set<string>();
  const unique = names.filter((n) => !seen.has(`${n.kind}:${n.id}`) && Boolean(seen.add(`${n.kind}:${n.id}`)));
  return { problems, names: unique, refusals };
}

export function lintRequestBody(text: string, previous: readonly DraftPolicy[], known: KnownIds): JsonLint {
  const parsed = parseRequestBody(text, previous);
  if (!parsed.ok) return { state: 'invalid', problems: parsed.problems };
  const { problems, names, refusals } = lintDraft(parsed.policies, known);
  return problems.length
    ? { state: 'unknown-ids', policies: parsed.policies, problems, names, refusals }
    : { state: 'valid', policies: parsed.policies, names, refusals };
}
