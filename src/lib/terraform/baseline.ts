import { parseHcl, HclSyntaxError, type HclBlock } from './hcl-parser';
import { type Skipped, type TfPolicy, type TfResource } from './model';
import { isTfType, MIN_PROVIDER_VERSION, unknownAttributes, type TfType } from './provider-schema';

/**
 * A Terraform baseline read from what an admin loads: a state file (format version 4), the JSON
 * of `terraform show -json`, or HCL as this console exports it. Only the configurable attributes
 * of the four known resource types are read; every other value in the file (sensitive ones
 * included) is never copied out, and whatever is not read is named in `skipped` with why.
 */
export type BaselineFormat = 'state' | 'show-json' | 'hcl';

export interface Baseline {
  format: BaselineFormat;
  resources: TfResource[];
  skipped: Skipped[];
}

export type BaselineResult = { ok: true; baseline: Baseline } | { ok: false; message: string; skipped: Skipped[] };

/** Bigger than any export of a 10,000-group account; a larger file is refused before it is read. */
export const MAX_BASELINE_BYTES = 30 * 1024 * 1024;

const PROVIDER = /(^|\/)cloudflare\/cloudflare"?\]?$/;
/** Attributes only provider v4 wrote (its account member took role ids and an email_address). */
const LEGACY_ATTRIBUTES: Partial<Record<TfType, string[]>> = { cloudflare_account_member: ['email_address', 'role_ids'] };

const fail = (message: string, skipped: Skipped[] = []): BaselineResult => ({ ok: false, message, skipped });

export function loadBaseline(text: string, accountId: string): BaselineResult {
  if (text.length > MAX_BASELINE_BYTES) return fail(`The file is ${(text.length / 1024 / 1024).toFixed(0)} MB; a baseline can be at most ${MAX_BASELINE_BYTES / 1024 / 1024} MB. Nothing was read.`);
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return fail(`This is not valid JSON: ${(error as Error).message}. Nothing was read.`);
    }
    return fromJson(json, accountId);
  }
  try {
    return fromHcl(parseHcl(trimmed), accountId);
  } catch (error) {
    if (error instanceof HclSyntaxError) return fail(`This is not HCL this console can read. ${error.message}. Nothing was read.`);
    throw error;
  }
}

type Attrs = Record<string, unknown>;
const isObject = (v: unknown): v is Attrs => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

interface RawResource {
  type: string;
  name: string;
  mode: string;
  provider: string;
  attributes: Attrs;
}

function fromJson(json: unknown, accountId: string): BaselineResult {
  if (!isObject(json)) return fail('This JSON is neither a Terraform state file nor the output of `terraform show -json`. Nothing was read.');
  const raw: RawResource[] = [];
  let format: BaselineFormat;
  if ('version' in json && 'resources' in json) {
    format = 'state';
    if (json.version !== 4) return fail(`This state file has format version ${String(json.version)}; this console reads version 4 (Terraform 0.12 and later). Nothing was read.`);
    for (const r of Array.isArray(json.resources) ? json.resources : []) {
      if (!isObject(r)) continue;
      const instances = Array.isArray(r.instances) ? r.instances : [];
      instances.forEach((instance: unknown) => {
        if (!isObject(instance) || !isObject(instance.attributes)) return;
        const key = instance.index_key === undefined ? '' : `[${JSON.stringify(instance.index_key)}]`;
        raw.push({ type: String(r.type), name: `${String(r.name)}${key}`, mode: String(r.mode ?? 'managed'), provider: String(r.provider ?? ''), attributes: instance.attributes });
      });
    }
  } else if ('format_version' in json && ('values' in json || 'planned_values' in json)) {
    format = 'show-json';
    if (!isObject(json.values)) return fail('This is the JSON of a plan; load `terraform show -json` of the state instead (no plan file). Nothing was read.');
    const walk = (module: unknown) => {
      if (!isObject(module)) return;
      for (const r of Array.isArray(module.resources) ? module.resources : []) {
        if (!isObject(r) || !isObject(r.values)) continue;
        const key = r.index === undefined ? '' : `[${JSON.stringify(r.index)}]`;
        raw.push({ type: String(r.type), name: `${String(r.name)}${key}`, mode: String(r.mode ?? 'managed'), provider: String(r.provider_name ?? ''), attributes: r.values });
      }
      for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) walk(child);
    };
    walk(json.values.root_module);
  } else {
    return fail('This JSON is neither a Terraform state file (format version 4) nor the output of `terraform show -json`. Nothing was read.');
  }
  const resources: TfResource[] = [];
  const skipped: Skipped[] = [];
  for (const r of raw) {
    const address = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
    const why = unknownType(r, address);
    if (why) {
      skipped.push(why);
      continue;
    }
    const type = r.type as TfType;
    const legacy = (LEGACY_ATTRIBUTES[type] ?? []).filter((a) => a in r.attributes);
    if (legacy.length) {
      skipped.push({
        what: address,
        kind: 'old-provider',
        reason: `Written by a provider older than ${MIN_PROVIDER_VERSION} (it has ${legacy.join(', ')}, which ${MIN_PROVIDER_VERSION} no longer has).`,
        instead: `Upgrade the provider to ${MIN_PROVIDER_VERSION} or newer, run terraform apply -refresh-only, then load the state again.`,
      });
      continue;
    }
    const resource = readResource(type, r.name, r.attributes);
    if (!resource) {
      skipped.push({ what: address, kind: 'unreadable', reason: 'Its attributes are not the shape this console expects.', instead: 'Check the file was written by the cloudflare/cloudflare provider 5.19 or newer.' });
      continue;
    }
    if (!foreign(resource, str(r.attributes.account_id), accountId, address, skipped)) resources.push(resource);
  }
  return finish(format, resources, skipped);
}

function unknownType(r: Pick<RawResource, 'type' | 'mode' | 'provider'>, address: string): Skipped | null {
  if (r.mode === 'data') return { what: address, kind: 'unknown-type', reason: 'A data source: it manages nothing.', instead: 'Nothing to do.' };
  if (!isTfType(r.type) || (r.provider && !PROVIDER.test(r.provider))) {
    return { what: address, kind: 'unknown-type', reason: `The console compares ${['cloudflare_user_group', 'cloudflare_user_group_members', 'cloudflare_sso_connector', 'cloudflare_account_member'].join(', ')} only.`, instead: 'Use terraform plan for the other resources.' };
  }
  return null;
}

/** True (and a skip recorded) when the resource belongs to another account. */
function foreign(resource: TfResource | null, resourceAccount: string | undefined, accountId: string, address: string, skipped: Skipped[]): boolean {
  if (!resource || !resourceAccount || resourceAccount === accountId) return false;
  skipped.push({ what: address, kind: 'other-account', reason: `It belongs to account ${resourceAccount}, not to this account (${accountId}).`, instead: 'Open that account in the console and load the file there.' });
  return true;
}

function finish(format: BaselineFormat, resources: TfResource[], skipped: Skipped[]): BaselineResult {
  if (resources.length === 0) {
    const other = skipped.filter((s) => s.kind === 'other-account').length;
    const message =
      other && other === skipped.length
        ? `Every resource in this file belongs to another account (${skipped[0]!.reason.replace(/^It belongs to /, '').replace(/\.$/, '')}). Nothing was read.`
        : `Nothing in this file can be compared: ${skipped.length ? `${skipped.length} resource${skipped.length === 1 ? '' : 's'} skipped (see below)` : 'it holds no resources'}.`;
    return fail(message, skipped);
  }
  return { ok: true, baseline: { format, resources, skipped } };
}

const ids = (v: unknown): string[] | null => (Array.isArray(v) ? v.map((x) => (isObject(x) ? str(x.id) : undefined)).filter((x): x is string => x !== undefined) : v == null ? [] : null);

function policies(v: unknown): TfPolicy[] | null {
  if (v == null) return [];
  if (!Array.isArray(v)) return null;
  const out: TfPolicy[] = [];
  for (const p of v) {
    if (!isObject(p)) return null;
    const permission_groups = ids(p.permission_groups);
    const resource_groups = ids(p.resource_groups);
    if (!permission_groups || !resource_groups) return null;
    out.push({ access: String(p.access).toLowerCase() === 'deny' ? 'deny' : 'allow', permission_groups, resource_groups });
  }
  return out;
}

/** One resource's comparable attributes, or null when they are not the provider's shape. */
function readResource(type: TfType, resourceName: string, a: Attrs): TfResource | null {
  switch (type) {
    case 'cloudflare_user_group': {
      const id = str(a.id);
      const name = str(a.name);
      const p = policies(a.policies);
      return id && name !== undefined && p ? { type, resourceName, id, name, policies: p } : null;
    }
    case 'cloudflare_user_group_members': {
      const id = str(a.user_group_id) ?? str(a.id);
      const members = ids(a.members);
      return id && members ? { type, resourceName, id, members } : null;
    }
    case 'cloudflare_sso_connector': {
      const id = str(a.id);
      const email_domain = str(a.email_domain);
      return id && email_domain !== undefined ? { type, resourceName, id, email_domain, enabled: a.enabled === true } : null;
    }
    case 'cloudflare_account_member': {
      const id = str(a.id);
      const email = str(a.email);
      const p = policies(a.policies);
      const roles = a.roles == null ? [] : Array.isArray(a.roles) ? a.roles.filter((r): r is string => typeof r === 'string') : null;
      return id && email !== undefined && p && roles ? { type, resourceName, id, email, status: a.status === 'accepted' ? 'accepted' : 'pending', roles, policies: p } : null;
    }
  }
}

/**
 * Whether a `version` constraint (`"~> 5.18"`, `">= 5.19, < 6"`, `"5.18.0"`) admits any release
 * at or after the minimum: false when an upper bound (or an exact version) is below it.
 */
export function admitsMinimum(constraint: string, minimum = MIN_PROVIDER_VERSION): boolean {
  const min = versionParts(minimum);
  for (const part of constraint.split(',')) {
    const m = /^\s*(~>|>=|<=|!=|=|>|<)?\s*v?([0-9]+(?:\.[0-9]+){0,2})/.exec(part);
    if (!m) continue;
    const op = m[1] ?? '=';
    const v = versionParts(m[2]!);
    const cmp = compare(v, min);
    if ((op === '=' && cmp < 0) || (op === '<' && cmp <= 0) || (op === '<=' && cmp < 0)) return false;
    if (op === '~>') {
      // ~> 5.18 allows < 6.0; ~> 5.18.0 allows < 5.19.0.
      const segments = m[2]!.split('.').length;
      const upper = segments >= 3 ? [v[0]!, v[1]! + 1, 0] : [v[0]! + 1, 0, 0];
      if (compare(upper, min) <= 0) return false;
    }
  }
  return true;
}

function versionParts(v: string): number[] {
  const parts = v.split('.').map(Number);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}
function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function providerConstraint(blocks: HclBlock[]): string | undefined {
  for (const t of blocks.filter((b) => b.type === 'terraform')) {
    for (const rp of t.body.blocks.filter((b) => b.type === 'required_providers')) {
      const cf = rp.body.attributes.cloudflare?.value;
      if (isObject(cf) && typeof cf.version === 'string') return cf.version;
    }
  }
  return undefined;
}

/** Resolves `{ $ref: "cloudflare_user_group.ops.id" }` to the imported id of that resource. */
function resolveRefs(v: unknown, importedIds: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(v)) return v.map((x) => resolveRefs(x, importedIds));
  if (isObject(v)) {
    if (typeof v.$ref === 'string') {
      const m = /^(.*)\.id$/.exec(v.$ref);
      return (m && importedIds.get(m[1]!)) ?? v;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveRefs(x, importedIds)]));
  }
  return v;
}

function fromHcl(body: ReturnType<typeof parseHcl>, accountId: string): BaselineResult {
  const constraint = providerConstraint(body.blocks);
  if (constraint !== undefined && !admitsMinimum(constraint)) {
    return fail(`This code pins the provider to “${constraint}”: the user-group resources need cloudflare/cloudflare ${MIN_PROVIDER_VERSION} or newer. Raise the version constraint, then load it again. Nothing was read.`);
  }
  const skipped: Skipped[] = [];
  const importedIds = new Map<string, string>();
  const importAccounts = new Map<string, string>();
  for (const block of body.blocks.filter((b) => b.type === 'import')) {
    const to = block.body.attributes.to?.value;
    const id = block.body.attributes.id?.value;
    if (!isObject(to) || typeof to.$ref !== 'string' || typeof id !== 'string') continue;
    const slash = id.indexOf('/');
    importedIds.set(to.$ref, slash >= 0 ? id.slice(slash + 1) : id);
    if (slash >= 0) importAccounts.set(to.$ref, id.slice(0, slash));
  }
  const resources: TfResource[] = [];
  for (const block of body.blocks) {
    if (block.type !== 'resource' && block.type !== 'data') continue;
    const [type = '', name = ''] = block.labels;
    const address = `${block.type === 'data' ? 'data.' : ''}${type}.${name}`;
    const why = unknownType({ type, mode: block.type === 'data' ? 'data' : 'managed', provider: '' }, address);
    if (why) {
      skipped.push(why);
      continue;
    }
    const tfType = type as TfType;
    const attrs = Object.fromEntries(Object.entries(block.body.attributes).map(([k, a]) => [k, resolveRefs(a.value, importedIds)]));
    if ('for_each' in attrs || 'count' in attrs) {
      skipped.push({ what: address, kind: 'unreadable', reason: 'It uses for_each or count, which only Terraform can expand.', instead: 'Load the state file (or terraform show -json) instead of the code.' });
      continue;
    }
    const unknown = unknownAttributes(tfType, attrs);
    if (unknown.length) {
      skipped.push({ what: address, kind: 'unreadable', reason: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the provider’s schema for ${type}.`, instead: 'Check the attribute names against the provider documentation.' });
      continue;
    }
    const id = importedIds.get(`${type}.${name}`);
    if (!id) {
      skipped.push({ what: address, kind: 'no-id', reason: 'The code has no import block for it, so which object it is cannot be known from the code alone.', instead: 'Load the state file (or terraform show -json), or add an import block with its id.' });
      continue;
    }
    const account = typeof attrs.account_id === 'string' ? attrs.account_id : importAccounts.get(`${type}.${name}`);
    const resource = readResource(tfType, name, { ...attrs, id });
    if (foreign(resource, account, accountId, address, skipped)) continue;
    if (!resource) {
      skipped.push({ what: address, kind: 'unreadable', reason: 'Its attributes are not literal values this console can compare (a reference or variable where a literal is expected).', instead: 'Load the state file (or terraform show -json) instead.' });
      continue;
    }
    resources.push(resource);
  }
  return finish('hcl', resources, skipped);
}

