import { revealBidiControls } from './bidi';
import { pluralize } from './format';

/**
 * Cloudflare resource scope keys: building, parsing, checking and describing them. Pure, so the
 * scope builder, the resource-group views and the policy composer all agree on one grammar.
 *
 *   account scope key  com.cloudflare.api.account.<32 hex account id>
 *   zone object key    com.cloudflare.api.account.zone.<32 hex zone id>
 *   whole account      the object `*` (or the account key itself, which the API also accepts)
 *   Worker object key  com.cloudflare.api.account.worker.<32 hex worker id> (per-Worker permissions)
 */

export const ACCOUNT_KEY_PREFIX = 'com.cloudflare.api.account.';
export const ZONE_KEY_PREFIX = 'com.cloudflare.api.account.zone.';
export const WORKER_KEY_PREFIX = 'com.cloudflare.api.account.worker.';
export const WILDCARD = '*';

const HEX32 = /^[0-9a-f]{32}$/;
const ACCOUNT_KEY = /^com\.cloudflare\.api\.account\.([0-9a-f]{32})$/;
const ZONE_KEY = /^com\.cloudflare\.api\.account\.zone\.([0-9a-f]{32})$/;
const WORKER_KEY = /^com\.cloudflare\.api\.account\.worker\.([0-9a-f]{32})$/;

export function accountKey(accountId: string): string {
  return `${ACCOUNT_KEY_PREFIX}${accountId}`;
}

export function zoneKey(zoneId: string): string {
  return `${ZONE_KEY_PREFIX}${zoneId}`;
}

export type ParsedKey = { kind: 'account'; id: string } | { kind: 'zone'; id: string } | { kind: 'worker'; id: string } | { kind: 'wildcard' };

export function parseKey(key: string): ParsedKey | null {
  if (key === WILDCARD) return { kind: 'wildcard' };
  const zone = ZONE_KEY.exec(key);
  if (zone?.[1]) return { kind: 'zone', id: zone[1] };
  const worker = WORKER_KEY.exec(key);
  if (worker?.[1]) return { kind: 'worker', id: worker[1] };
  const account = ACCOUNT_KEY.exec(key);
  if (account?.[1]) return { kind: 'account', id: account[1] };
  return null;
}

/** "23f8d65290b24279ba6f44721b3eaad5" → "23f8…aad5": enough to tell ids apart at a glance. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id;
}

/** What is known of a zone id: its domain, that the account has no such zone, or nothing yet. */
export type ZoneName = { state: 'found'; name: string; status?: string; paused?: boolean } | { state: 'missing' } | { state: 'unavailable' };

export interface KeyNames {
  /** The account being worked in, to name its key after the account instead of its id. */
  accountId?: string;
  accountName?: string;
  /** Zone domains by zone id; `undefined` while a name is still being looked up. */
  zone?: (zoneId: string) => ZoneName | undefined;
}

/** A zone as a person reads it: its domain; "Unknown zone 23f8…aad5" when the account has none. */
export function describeZone(zoneId: string, names: KeyNames = {}): string {
  const known = names.zone?.(zoneId);
  if (known?.state === 'found') return known.name;
  if (known?.state === 'missing') return `Unknown zone ${shortId(zoneId)}`;
  return `Zone ${shortId(zoneId)}`;
}

/**
 * A key as a person reads it: "acme.com" (or "Zone 23f8…aad5" unnamed), "Account Acme Corp", "All
 * zones", "Worker 23f8…aad5" (the API names no Worker: its id is all there is to show).
 */
export function describeKey(key: string, names: KeyNames = {}): string {
  const parsed = parseKey(key);
  if (!parsed) return key;
  if (parsed.kind === 'wildcard') return 'All zones';
  if (parsed.kind === 'zone') return describeZone(parsed.id, names);
  if (parsed.kind === 'worker') return `Worker ${shortId(parsed.id)}`;
  if (parsed.id === names.accountId && names.accountName) return `Account ${names.accountName}`;
  return `Account ${shortId(parsed.id)}`;
}

export type KeyCheck =
  | { status: 'empty' }
  /** Could still become valid with more typing: say how far along, don't scold. */
  | { status: 'partial'; message: string }
  | { status: 'invalid'; message: string }
  | { status: 'valid'; key: string };

function hexProgress(hex: string): string {
  return `${hex.length} of 32 hex characters so far`;
}

/** A prefix of `full` (ignoring case), e.g. "com.cloud" of the zone key prefix. */
function isPrefixOf(input: string, full: string): boolean {
  return full.startsWith(input.toLowerCase());
}

/**
 * Checks a zone object key as typed. A bare 32-hex zone id (what the dashboard's zone overview
 * shows and admins paste) is accepted and becomes its key; hex is case-insensitive on input and
 * sent lowercase, as the API requires.
 */
export function checkZoneInput(raw: string): KeyCheck {
  const input = raw.trim();
  if (input === '') return { status: 'empty' };
  const lower = input.toLowerCase();
  if (HEX32.test(lower)) return { status: 'valid', key: zoneKey(lower) };
  if (/^[0-9a-f]{1,31}$/.test(lower)) return { status: 'partial', message: `Zone ID: ${hexProgress(lower)}` };
  if (/^[0-9a-f]{33,}$/.test(lower)) return { status: 'invalid', message: `A zone ID has 32 hex characters; this has ${lower.length}` };
  if (lower.startsWith(ZONE_KEY_PREFIX)) {
    const hex = lower.slice(ZONE_KEY_PREFIX.length);
    if (HEX32.test(hex)) return { status: 'valid', key: zoneKey(hex) };
    if (/^[0-9a-f]{0,31}$/.test(hex)) return { status: 'partial', message: `Zone key: ${hexProgress(hex)}` };
    return { status: 'invalid', message: `After "${ZONE_KEY_PREFIX}" comes the zone ID: 32 hex characters (0-9, a-f)` };
  }
  if (ACCOUNT_KEY.test(lower)) {
    return { status: 'invalid', message: 'That is an account key. To cover the whole account, choose "Whole account" above' };
  }
  if (isPrefixOf(lower, ZONE_KEY_PREFIX)) return { status: 'partial', message: `Keep typing: ${ZONE_KEY_PREFIX}<zone id>` };
  return { status: 'invalid', message: `Enter a zone ID (32 hex characters) or a key ${ZONE_KEY_PREFIX}<zone id>` };
}

/** Checks the scope key: it must name an account, and the API accepts only the current one. */
export function checkAccountKeyInput(raw: string, accountId?: string): KeyCheck {
  const input = raw.trim();
  if (input === '') return { status: 'empty' };
  const lower = input.toLowerCase();
  if (lower.startsWith(ZONE_KEY_PREFIX) || (ZONE_KEY_PREFIX.startsWith(lower) && lower.length > ACCOUNT_KEY_PREFIX.length)) {
    return { status: 'invalid', message: 'The scope key names the account; zones go in the list below' };
  }
  if (lower.startsWith(ACCOUNT_KEY_PREFIX)) {
    const hex = lower.slice(ACCOUNT_KEY_PREFIX.length);
    if (/^[0-9a-f]{0,31}$/.test(hex)) return { status: 'partial', message: `Account key: ${hexProgress(hex)}` };
    if (!HEX32.test(hex)) return { status: 'invalid', message: `After "${ACCOUNT_KEY_PREFIX}" comes the account ID: 32 hex characters` };
    if (accountId && hex !== accountId) {
      return { status: 'invalid', message: `This is another account's key; this account's is ${accountKey(accountId)}` };
    }
    return { status: 'valid', key: accountKey(hex) };
  }
  if (HEX32.test(lower)) {
    if (accountId && lower !== accountId) return { status: 'invalid', message: `This account's ID is ${accountId}` };
    return { status: 'valid', key: accountKey(lower) };
  }
  if (isPrefixOf(lower, ACCOUNT_KEY_PREFIX)) return { status: 'partial', message: `Keep typing: ${ACCOUNT_KEY_PREFIX}<account id>` };
  return { status: 'invalid', message: `Must be ${ACCOUNT_KEY_PREFIX}<account id> (32 hex characters)` };
}

/**
 * Splits a paste that may hold several zone ids or keys (one per line, or separated by commas,
 * semicolons or spaces), so an admin can bring a list from a spreadsheet in one go.
 */
export function splitPastedKeys(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.replace(/^["'`]+|["'`]+$/g, ''))
    .filter(Boolean);
}

export interface ScopeLike {
  key: string;
  objects: Array<{ key: string }>;
}

/** Whole account: the account key with `*` or the account key itself as its only object. */
export function coversWholeAccount(scope: ScopeLike): boolean {
  const only = scope.objects.length === 1 ? scope.objects[0]?.key : undefined;
  return parseKey(scope.key)?.kind === 'account' && (only === WILDCARD || only === scope.key);
}

/** One line for a table cell: "Whole account (Acme Corp)", "Zone 23f8…aad5", "3 zones". */
export function summarizeScope(scope: ScopeLike, names: KeyNames = {}): string {
  if (coversWholeAccount(scope)) {
    const account = parseKey(scope.key);
    const who = account?.kind === 'account' && account.id === names.accountId && names.accountName ? names.accountName : describeKey(scope.key, names);
    return `Whole account (${who})`;
  }
  // An inline (ad-hoc) zone scope, as the dashboard creates: the zone key with the object `*`.
  if (parseKey(scope.key)?.kind === 'zone') return describeKey(scope.key, names);
  const zones = scope.objects.filter((o) => parseKey(o.key)?.kind === 'zone').length;
  if (zones === scope.objects.length) {
    return zones === 1 && scope.objects[0] ? describeKey(scope.objects[0].key, names) : `${zones} zones`;
  }
  const workers = scope.objects.filter((o) => parseKey(o.key)?.kind === 'worker').length;
  if (workers === scope.objects.length) {
    return workers === 1 && scope.objects[0] ? describeKey(scope.objects[0].key, names) : `${workers} Workers`;
  }
  return pluralize(scope.objects.length, 'scope object');
}

/**
 * A resource group as a person reads it: its name, unless the name is just a scope key (the
 * API's examples and ad-hoc groups are named that way), then its scope in words.
 */
export function resourceGroupLabel(group: { id: string; name?: string; scope?: ScopeLike[] }, names: KeyNames = {}): string {
  const name = group.name?.trim();
  if (name && !parseKey(name)) return revealBidiControls(name);
  const scope = group.scope?.[0];
  if (scope) return summarizeScope(scope, names);
  return name ? describeKey(name, names) : `Resource group ${shortId(group.id)}`;
}

/** The zone ids a set of scopes names (inline zone scopes included), for one batched name lookup. */
export function zoneIdsOf(scopes: Iterable<ScopeLike>): string[] {
  const ids = new Set<string>();
  for (const scope of scopes) {
    const key = parseKey(scope.key);
    if (key?.kind === 'zone') ids.add(key.id);
    for (const o of scope.objects) {
      const parsed = parseKey(o.key);
      if (parsed?.kind === 'zone') ids.add(parsed.id);
    }
  }
  return [...ids].sort();
}

/** The scopes of every resource group some policies use (a group's, a member's groups'). */
export function scopesOfPolicies(policies: ReadonlyArray<{ resource_groups?: ReadonlyArray<{ scope?: ScopeLike[] }> }> | undefined): ScopeLike[] {
  return (policies ?? []).flatMap((p) => (p.resource_groups ?? []).flatMap((rg) => rg.scope ?? []));
}
