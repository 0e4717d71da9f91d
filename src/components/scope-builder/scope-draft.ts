import {
  accountKey,
  checkAccountKeyInput,
  checkZoneInput,
  coversWholeAccount,
  parseKey,
  WILDCARD,
  zoneKey,
  type ScopeLike,
} from '@/lib/scope-keys';

/**
 * What the scope builder edits: the text as typed, so nothing is lost between keystrokes or on a
 * failed save. Switching to "whole account" keeps the zone list, so switching back restores it.
 */
export interface ScopeDraft {
  key: string;
  coverage: 'account' | 'zones';
  zones: string[];
}

/** Problems to show, keyed like the builder's fields; `zones[i]` is the i-th zone row. */
export interface ScopeErrors {
  key?: string;
  coverage?: string;
  zones?: Record<number, string>;
  /** About the scope as a whole (e.g. the API's 1006 "must stay account-wide"). */
  general?: string;
}

/** The zone id a row holds once it is a whole id or key; null while typing or when it is not one. */
export function zoneIdOfRow(raw: string): string | null {
  const check = checkZoneInput(raw);
  const parsed = check.status === 'valid' ? parseKey(check.key) : null;
  return parsed?.kind === 'zone' ? parsed.id : null;
}

/** The distinct zones a draft's rows name, in row order: what the picker shows checked. */
export function draftZoneIds(draft: ScopeDraft): string[] {
  return [...new Set(draft.zones.map(zoneIdOfRow).filter((id): id is string => id !== null))];
}

/**
 * A zone checked in the picker fills the first empty row (or a new one at the end) and makes the
 * draft cover zones; unchecked, every row naming it goes, whichever way it was written.
 */
export function toggleDraftZone(draft: ScopeDraft, zoneId: string, on: boolean): ScopeDraft {
  if (!on) return { ...draft, zones: draft.zones.filter((z) => zoneIdOfRow(z) !== zoneId) };
  if (draftZoneIds(draft).includes(zoneId)) return { ...draft, coverage: 'zones' };
  const key = zoneKey(zoneId);
  const empty = draft.zones.findIndex((z) => z.trim() === '');
  const zones = empty >= 0 ? draft.zones.map((z, i) => (i === empty ? key : z)) : [...draft.zones, key];
  return { ...draft, coverage: 'zones', zones };
}

export function emptyScopeDraft(accountId: string): ScopeDraft {
  return { key: accountKey(accountId), coverage: 'account', zones: [] };
}

export function scopeToDraft(scope: ScopeLike | undefined, accountId: string): ScopeDraft {
  if (!scope) return emptyScopeDraft(accountId);
  if (coversWholeAccount(scope)) return { key: scope.key, coverage: 'account', zones: [] };
  return { key: scope.key, coverage: 'zones', zones: scope.objects.map((o) => o.key) };
}

function canonicalZone(input: string): string {
  const check = checkZoneInput(input);
  return check.status === 'valid' ? check.key : input.trim();
}

function canonicalAccountKey(input: string): string {
  const check = checkAccountKeyInput(input);
  return check.status === 'valid' ? check.key : input.trim();
}

/**
 * The request body's `scope`. Object order follows the rows, so an API error pointing at
 * /scope/objects/2/key lands on row 3; the whole account is sent as `*`, as the dashboard does.
 */
export function draftToScope(draft: ScopeDraft): ScopeLike {
  return {
    key: canonicalAccountKey(draft.key),
    objects: draft.coverage === 'account' ? [{ key: WILDCARD }] : draft.zones.map((z) => ({ key: canonicalZone(z) })),
  };
}

export function sameScope(a: ScopeLike, b: ScopeLike): boolean {
  const keys = (s: ScopeLike) => [...new Set(s.objects.map((o) => o.key))].sort().join('\n');
  return a.key === b.key && (coversWholeAccount(a) && coversWholeAccount(b) ? true : keys(a) === keys(b));
}

export function hasScopeErrors(errors: ScopeErrors): boolean {
  return Boolean(errors.key || errors.coverage || errors.general || Object.keys(errors.zones ?? {}).length);
}

/**
 * Checks the draft. While typing (`complete: false`) only what can no longer become valid is an
 * error; on save (`complete: true`) empty and unfinished fields are errors too.
 */
export function validateScopeDraft(draft: ScopeDraft, accountId: string, { complete }: { complete: boolean }): ScopeErrors {
  const errors: ScopeErrors = {};
  const key = checkAccountKeyInput(draft.key, accountId);
  if (key.status === 'invalid') errors.key = key.message;
  else if (complete && key.status === 'empty') errors.key = `Enter the account's scope key, ${accountKey(accountId)}`;
  else if (complete && key.status === 'partial') errors.key = `Incomplete. ${key.message}`;

  if (draft.coverage === 'account') return errors;
  if (complete && draft.zones.length === 0) errors.coverage = 'Add at least one zone, or choose the whole account';
  const zones: Record<number, string> = {};
  const seen = new Map<string, number>();
  draft.zones.forEach((raw, i) => {
    const check = checkZoneInput(raw);
    if (check.status === 'invalid') zones[i] = check.message;
    else if (check.status === 'empty' && complete) zones[i] = 'Enter a zone ID, or remove this row';
    else if (check.status === 'partial' && complete) zones[i] = `Incomplete. ${check.message}`;
    else if (check.status === 'valid') {
      const first = seen.get(check.key);
      if (first !== undefined) zones[i] = `Zone ${first + 1} is the same zone`;
      else seen.set(check.key, i);
    }
  });
  if (Object.keys(zones).length) errors.zones = zones;
  return errors;
}

/**
 * Sorts the API's field errors under `prefix` (e.g. /scope, or /policies/0/resource_groups/1/scope
 * in the policy composer) onto the builder's fields. Returns null when none are about the scope.
 */
export function scopeErrorsFromApi(fieldErrors: Record<string, string>, prefix: string, draft: ScopeDraft): ScopeErrors | null {
  const errors: ScopeErrors = {};
  let found = false;
  for (const [pointer, message] of Object.entries(fieldErrors)) {
    if (pointer !== prefix && !pointer.startsWith(`${prefix}/`)) continue;
    found = true;
    const rest = pointer.slice(prefix.length);
    const object = /^\/objects\/(\d+)(?:\/key)?$/.exec(rest);
    if (rest === '/key') errors.key ??= message;
    else if (object?.[1] !== undefined && draft.coverage === 'zones') {
      errors.zones = { ...errors.zones, [Number(object[1])]: errors.zones?.[Number(object[1])] ?? message };
    } else if (object && draft.coverage === 'account') errors.coverage ??= message;
    else errors.general = errors.general ? `${errors.general}; ${message}` : message;
  }
  return found ? errors : null;
}

/** Earlier sources win: pass the API's errors first, then the live checks. */
export function mergeScopeErrors(...sources: Array<ScopeErrors | null | undefined>): ScopeErrors {
  const out: ScopeErrors = {};
  for (const s of sources) {
    if (!s) continue;
    out.key ??= s.key;
    out.coverage ??= s.coverage;
    out.general ??= s.general;
    if (s.zones) out.zones = { ...s.zones, ...out.zones };
  }
  return out;
}
