import type { MiddlewareHandler } from 'hono';
import { SCIM_REFUSAL, rememberScimManaged } from './scim-managed.ts';
import { writeTarget, type WriteTarget } from '../../iam-write-target.ts';
import { redactSecrets } from '../../redact-secrets.ts';
import type { ConsoleStorage } from '../storage.ts';
import type { ConsoleActor } from './console-actor.ts';
import type { GroupLookup, IndexedMember } from '../membership-index/group-lookup.ts';
import { readState, selfReader, type AppFetch, type SelfReader } from './self-fetch.ts';
import { normalizeState } from './normalize-state.ts';
import { insertEntry } from './store.ts';

/** Sent by the SPA on a revert's write: the journal entry it undoes (stripped before the API). */
export const REVERT_HEADER = 'x-iam-console-revert';

export interface RecordDeps {
  storage: ConsoleStorage;
  appFetch: AppFetch;
  isConsoleRequest: (request: Request) => boolean;
  actor: (read: SelfReader) => Promise<ConsoleActor>;
  onRecorded?: () => void;
  /** What the membership index knows, so a membership change costs no read of the API. */
  groups?: GroupLookup;
}

interface Envelope {
  success?: boolean;
  errors?: unknown;
  result?: unknown;
}

export function nameOf(resourceType: string, state: unknown): string | null {
  if (!state || typeof state !== 'object' || Array.isArray(state)) return null;
  const s = state as Record<string, unknown>;
  const name = resourceType === 'sso_connector' ? s.email_domain : resourceType === 'oauth_client' ? s.client_name : s.name;
  return typeof name === 'string' ? name : null;
}

/** The response carries the full new state for these. */
function stateInResponse(target: WriteTarget): boolean {
  if (target.resourceType === 'user_group_members') return target.action === 'replace_members';
  return target.action === 'create' || target.action === 'update';
}

/** An action endpoint's answer, when it is the resource itself (same id). */
function resourceInResult(result: unknown, resourceId: string | null): unknown {
  if (!result || typeof result !== 'object' || Array.isArray(result) || !resourceId) return null;
  const r = result as { id?: unknown; client_id?: unknown };
  return r.id === resourceId || r.client_id === resourceId ? result : null;
}

async function requestBody(request: Request): Promise<unknown> {
  const text = await request.clone().text().catch(() => '');
  try {
    return text.trim() ? JSON.parse(text) : null;
  } catch {
    return text.slice(0, 2000);
  }
}

/** The member ids a POST or PUT of members names: a bare array (today) or {members: [...]} (one docs page). */
function memberIdsOf(body: unknown): string[] {
  const list = Array.isArray(body) ? body : (body as { members?: unknown } | null)?.members;
  if (!Array.isArray(list)) return [];
  return list.flatMap((m) => (m && typeof (m as { id?: unknown }).id === 'string' ? [(m as { id: string }).id] : []));
}

/**
 * A membership change as the write itself says it, with names from the index: the members it
 * touched before and after, not the group's whole list (which cost a read of every page twice,
 * 24 requests on a 5,200-member group). A replace keeps the whole list: its answer carries it.
 */
function membershipBefore(target: WriteTarget, known: { members: IndexedMember[] | null } | null, body: unknown, memberId: string | undefined, lookup: GroupLookup | undefined, accountId: string): IndexedMember[] | null {
  if (target.action === 'replace_members') return known?.members ?? null;
  if (target.action === 'remove_member' && memberId) {
    return [known?.members?.find((m) => m.id === memberId) ?? lookup?.member(accountId, memberId) ?? { id: memberId }];
  }
  const ids = new Set(memberIdsOf(body));
  return (known?.members ?? []).filter((m) => ids.has(m.id));
}

function membershipAfter(target: WriteTarget, result: unknown, body: unknown, before: IndexedMember[] | null, lookup: GroupLookup | undefined, accountId: string): unknown {
  if (target.action === 'replace_members') return result ?? [];
  if (target.action === 'remove_member') return [];
  const answered = new Map((Array.isArray(result) ? (result as IndexedMember[]) : []).map((m) => [m.id, m]));
  const known = new Map((before ?? []).map((m) => [m.id, m]));
  return memberIdsOf(body).map((id) => {
    const m = answered.get(id) ?? known.get(id) ?? lookup?.member(accountId, id) ?? { id };
    return { id: m.id, ...(m.email ? { email: m.email } : {}), ...(m.status ? { status: m.status } : {}) };
  });
}

/**
 * Journals every IAM write the console makes through /client/v4, in either mode: the request, the
 * result, the actor, and the resource's state before (read first) and after (from the response, or
 * read back). Writes that do not come from the console (an SDK using the sandbox) are not the
 * console's: they reach the journal through the audit log instead.
 */
export function recordConsoleWrites(deps: RecordDeps): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const match = /^\/client\/v4\/accounts\/([^/]+)\/(.+?)\/?$/.exec(url.pathname);
    const target = match ? writeTarget(c.req.method, match[2]!) : null;
    if (!match || !target || !deps.isConsoleRequest(c.req.raw)) return next();

    const accountId = match[1]!;
    const base = `/accounts/${accountId}/`;
    const read = selfReader(deps.appFetch, c.req.raw);
    const actor = await deps.actor(read);
    const body = await requestBody(c.req.raw);
    const memberships = target.resourceType === 'user_group_members';
    const deletesGroup = target.resourceType === 'user_group' && target.action === 'delete';
    const known = (memberships || deletesGroup) && target.resourceId ? (deps.groups?.group(accountId, target.resourceId) ?? null) : null;
    const memberId = target.action === 'remove_member' ? match[2]!.split('/')[4] : undefined;
    let before: unknown = null;
    if (memberships) before = membershipBefore(target, known, body, memberId, deps.groups, accountId);
    else if (target.snapshotPath) before = normalizeState(target.resourceType, await readState(read, base + target.snapshotPath));
    // A deleted group keeps its members for a re-create: from the index, read only when the index
    // has not read that group yet (a delete is rare, and without them a revert could not re-create it).
    if (deletesGroup && before && typeof before === 'object') {
      before = { ...before, members: known?.members ?? (await readState(read, `${base}${target.snapshotPath}/members`)) };
    }
    const groupName = memberships ? (known?.name ?? null) : null;
    await next();

    const envelope = (await c.res.clone().json().catch(() => null)) as Envelope | null;
    const success = c.res.ok && envelope?.success === true;
    const created = envelope?.result as { id?: string; client_id?: string } | undefined;
    const resourceId = target.resourceId ?? created?.id ?? created?.client_id ?? null;
    let after: unknown = null;
    if (success && memberships) after = membershipAfter(target, envelope?.result, body, before as IndexedMember[] | null, deps.groups, accountId);
    else if (success && target.action !== 'delete') {
      after = normalizeState(target.resourceType, stateInResponse(target) && envelope?.result !== undefined ? envelope.result : resourceInResult(envelope?.result, resourceId));
    }
    insertEntry(deps.storage, {
      accountId,
      at: new Date().toISOString(),
      source: 'console',
      actorId: actor.id,
      actorLabel: actor.label,
      action: target.action,
      resourceType: target.resourceType,
      resourceId,
      resourceName: groupName ?? nameOf(target.resourceType, after) ?? nameOf(target.resourceType, before),
      method: c.req.method,
      path: url.pathname,
      request: redactSecrets(body),
      status: c.res.status,
      success,
      errors: success ? null : (envelope?.errors ?? null),
      before: redactSecrets(before),
      after: redactSecrets(after),
      reverts: c.req.header(REVERT_HEADER) ?? null,
    });
    if (!success && target.resourceType.startsWith('user_group') && target.resourceId && JSON.stringify(envelope?.errors ?? '').match(SCIM_REFUSAL)) {
      rememberScimManaged(deps.storage, accountId, target.resourceId, 'refusal');
    }
    deps.onRecorded?.();
  };
}
