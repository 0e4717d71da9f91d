import type { MiddlewareHandler } from 'hono';
import { SCIM_REFUSAL, rememberScimManaged } from './scim-managed.ts';
import { writeTarget, type WriteTarget } from '../../iam-write-target.ts';
import { redactSecrets } from '../../redact-secrets.ts';
import type { ConsoleStorage } from '../storage.ts';
import type { ConsoleActor } from './console-actor.ts';
import { readState, selfReader, type AppFetch, type SelfReader } from './self-fetch.ts';
import { insertEntry } from './store.ts';

/** Sent by the SPA on a revert's write: the journal entry it undoes (stripped before the API). */
export const REVERT_HEADER = 'x-iam-console-revert';

export interface RecordDeps {
  storage: ConsoleStorage;
  appFetch: AppFetch;
  isConsoleRequest: (request: Request) => boolean;
  actor: (read: SelfReader) => Promise<ConsoleActor>;
  onRecorded?: () => void;
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

/** The response carries the full new state for these; the rest are read back. */
function stateInResponse(target: WriteTarget): boolean {
  if (target.resourceType === 'user_group_members') return target.action === 'replace_members';
  return target.action === 'create' || target.action === 'update';
}

async function requestBody(request: Request): Promise<unknown> {
  const text = await request.clone().text().catch(() => '');
  try {
    return text.trim() ? JSON.parse(text) : null;
  } catch {
    return text.slice(0, 2000);
  }
}

/** The state before a write, and for a group about to be deleted its members too (so it can be re-created). */
async function beforeState(read: SelfReader, target: WriteTarget, base: string): Promise<unknown> {
  if (!target.snapshotPath) return null;
  const state = await readState(read, base + target.snapshotPath);
  if (target.resourceType === 'user_group' && target.action === 'delete' && state && typeof state === 'object') {
    return { ...state, members: await readState(read, `${base}${target.snapshotPath}/members`) };
  }
  return state;
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
    const before = await beforeState(read, target, base);
    const groupName = target.resourceType === 'user_group_members' ? nameOf('user_group', await readState(read, `${base}iam/user_groups/${target.resourceId}`)) : null;
    await next();

    const envelope = (await c.res.clone().json().catch(() => null)) as Envelope | null;
    const success = c.res.ok && envelope?.success === true;
    const created = envelope?.result as { id?: string; client_id?: string } | undefined;
    const resourceId = target.resourceId ?? created?.id ?? created?.client_id ?? null;
    let after: unknown = null;
    if (success && target.action !== 'delete') {
      const path = target.snapshotPath ?? `${match[2]!.replace(/\/$/, '')}/${resourceId}`;
      after = stateInResponse(target) && envelope?.result !== undefined ? envelope.result : await readState(read, base + path);
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
