import type { ParsedEmailList } from './email-list';

/** A person as the previews show them: the account member id and their email. */
export interface Person {
  id: string;
  email: string;
  name?: string;
  /** `pending`: invited, not yet accepted (adding them is warned about). */
  status?: string;
}

export interface AddPreview {
  /** Account members not yet in the group: what the POST will send. */
  toAdd: Person[];
  alreadyInGroup: Person[];
  /** Valid addresses of nobody in this account: the API would refuse them. */
  notAccountMembers: string[];
  invalid: Array<{ input: string; reason: string }>;
  repeated: string[];
}

/**
 * Sorts a pasted list into what "add" will do. `accountMembers` maps lower-cased email to the
 * account member; `currentIds` holds the group's member ids.
 */
export function previewAdd(list: ParsedEmailList, accountMembers: ReadonlyMap<string, Person>, currentIds: ReadonlySet<string>): AddPreview {
  const preview: AddPreview = { toAdd: [], alreadyInGroup: [], notAccountMembers: [], invalid: [], repeated: list.repeated };
  const queued = new Set<string>();
  for (const entry of list.entries) {
    if (entry.kind === 'invalid') {
      preview.invalid.push({ input: entry.input, reason: entry.reason });
      continue;
    }
    const person = accountMembers.get(entry.email);
    if (!person) preview.notAccountMembers.push(entry.email);
    else if (currentIds.has(person.id)) preview.alreadyInGroup.push(person);
    // Two addresses can never name one member, but guard anyway: the API takes each id once.
    else if (!queued.has(person.id)) {
      queued.add(person.id);
      preview.toAdd.push(person);
    }
  }
  return preview;
}

export interface MembershipDiff {
  added: Person[];
  removed: Person[];
  kept: Person[];
}

/** What replacing `current` with `next` does, each side keyed by member id. */
export function diffMembership(current: readonly Person[], next: readonly Person[]): MembershipDiff {
  const currentIds = new Set(current.map((p) => p.id));
  const nextIds = new Set(next.map((p) => p.id));
  const seen = new Set<string>();
  const added: Person[] = [];
  const kept: Person[] = [];
  for (const p of next) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    (currentIds.has(p.id) ? kept : added).push(p);
  }
  return { added, removed: current.filter((p) => !nextIds.has(p.id)), kept };
}

/** Whether two memberships hold the same ids, in any order. */
export function sameMembers(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((p) => p.id));
  return b.every((p) => ids.has(p.id));
}

export interface ReplacePreview extends MembershipDiff {
  notAccountMembers: string[];
  invalid: Array<{ input: string; reason: string }>;
  repeated: string[];
  /** A replace with unresolved lines would drop people the admin meant to keep: refused until fixed. */
  blocked: boolean;
}

export function previewReplace(list: ParsedEmailList, accountMembers: ReadonlyMap<string, Person>, current: readonly Person[]): ReplacePreview {
  const next: Person[] = [];
  const notAccountMembers: string[] = [];
  const invalid: Array<{ input: string; reason: string }> = [];
  for (const entry of list.entries) {
    if (entry.kind === 'invalid') invalid.push({ input: entry.input, reason: entry.reason });
    else {
      const person = accountMembers.get(entry.email);
      if (person) next.push(person);
      else notAccountMembers.push(entry.email);
    }
  }
  const diff = diffMembership(current, next);
  return { ...diff, notAccountMembers, invalid, repeated: list.repeated, blocked: notAccountMembers.length + invalid.length > 0 };
}

/**
 * Maps the API's per-item errors on a members POST/PUT (pointer `/3/id`) back to the ids sent, so
 * the preview can name the person rather than an index.
 */
export function idsAtPointers(sentIds: readonly string[], pointers: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const pointer of pointers) {
    const match = /^\/(\d+)(?:\/id)?$/.exec(pointer);
    const id = match ? sentIds[Number(match[1])] : undefined;
    if (id !== undefined) out.set(pointer, id);
  }
  return out;
}

/**
 * A per-person refusal in words. "do not have DSR enabled" is a flag of the person's Cloudflare
 * user that the API does not show (TODAY.md row 12): say what it means and that the rest of the
 * request was not applied, and keep the API's own message beside it.
 */
export function explainMemberRefusal(message: string): string {
  if (/do not have DSR enabled/i.test(message)) {
    return `Cannot join user groups yet: Cloudflare has not enabled group membership (DSR) for this person. Remove them to add the others. (API: ${message})`;
  }
  return message;
}

/** The API's per-item refusals by the id of the person each points at (`/3/id` → the 4th id sent). */
export function refusalsByPerson(errors: ReadonlyArray<{ message: string; pointer?: string }>, sentIds: readonly string[]): Map<string, string> {
  const byPointer = idsAtPointers(
    sentIds,
    errors.flatMap((e) => (e.pointer ? [e.pointer] : [])),
  );
  const out = new Map<string, string>();
  for (const e of errors) {
    const id = e.pointer ? byPointer.get(e.pointer) : undefined;
    if (id !== undefined) out.set(id, explainMemberRefusal(e.message));
  }
  return out;
}

/** "ana@acme.com: [0].id: … is not a member of this account", one per refused item the API pointed at. */
export function describeRefused(errors: ReadonlyArray<{ message: string; pointer?: string }>, sent: readonly Person[]): string[] {
  const byPointer = idsAtPointers(
    sent.map((p) => p.id),
    errors.flatMap((e) => (e.pointer ? [e.pointer] : [])),
  );
  return errors.flatMap((e) => {
    const id = e.pointer ? byPointer.get(e.pointer) : undefined;
    const person = id ? sent.find((p) => p.id === id) : undefined;
    return person ? [`${person.email}: ${explainMemberRefusal(e.message)}`] : [];
  });
}
