import type { HonoRequest, MiddlewareHandler } from 'hono';
import { redactSecrets } from '../../redact-secrets.ts';
import type { SandboxEnv } from '../context.ts';
import type { Db } from '../db/open.ts';
import { answerText, cachedAnswerResult } from '../../http/envelope.ts';
import { actorOf, remoteAddress } from './actor.ts';
import { insertAuditLog } from './store.ts';
import { isWriteMethod, writeTarget } from '../../iam-write-target.ts';

/** Reads one sandbox resource as a client would (GET, same credential), bypassing fault injection. */
export type SnapshotReader = (request: Request) => Promise<Response>;

const MEMBERS_PAGE = 500;

/** GETs with the writer's credential; one Request per URL, as the before and after reads share theirs. */
type SnapshotRequests = (url: string) => Request;

function snapshotRequests(headers: Headers): SnapshotRequests {
  const made = new Map<string, Request>();
  return (url) => {
    let request = made.get(url);
    if (!request) made.set(url, (request = new Request(url, { headers })));
    return request;
  };
}

async function readJson(read: SnapshotReader, request: Request): Promise<{ result?: unknown; result_info?: { count?: number } } | null> {
  const response = await read(request);
  if (!response.ok) return null;
  return JSON.parse(await answerText(response)) as { result?: unknown };
}

/** The resource's state now: the object, or for a membership the whole member list ({id, email, status}). */
async function snapshot(read: SnapshotReader, requests: SnapshotRequests, base: string, path: string): Promise<unknown> {
  if (!path.endsWith('/members')) return (await readJson(read, requests(base + path)))?.result ?? null;
  const members: unknown[] = [];
  for (let page = 1; ; page++) {
    const body = await readJson(read, requests(`${base}${path}?per_page=${MEMBERS_PAGE}&page=${page}`));
    const result = (body?.result ?? []) as unknown[];
    members.push(...result);
    if (result.length < MEMBERS_PAGE) return members;
  }
}

function credentialHeaders(request: Request): Headers {
  const headers = new Headers();
  for (const name of ['authorization', 'x-auth-email', 'x-auth-key']) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

/** The request's JSON, through Hono's body cache: the handler's own read then reuses the text. */
async function bodyOf(request: HonoRequest): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Records every successful write to an IAM resource in the account's audit log, with the state
 * before and after, read the way any client reads it. Sits in front of all route modules, so no
 * handler changes to be audited; secrets are dropped before anything is stored.
 */
export function recordWrites(db: Db, read: SnapshotReader): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (!isWriteMethod(c.req.method)) return next(); // most requests: no URL to parse
    const url = new URL(c.req.url);
    const match = /^\/client\/v4\/accounts\/([^/]+)\/(.+?)\/?$/.exec(url.pathname);
    const target = match ? writeTarget(c.req.method, match[2]!) : null;
    const actor = target ? actorOf(c.req.raw.headers, remoteAddress(c.env)) : null;
    if (!match || !target || !actor) return next();

    const base = `${url.origin}/client/v4/accounts/${match[1]}/`;
    const requests = snapshotRequests(credentialHeaders(c.req.raw));
    const request = await bodyOf(c.req);
    const before = target.snapshotPath ? await snapshot(read, requests, base, target.snapshotPath) : null;
    await next();
    if (c.res.status < 200 || c.res.status >= 300) return;

    let resourceId = target.resourceId ?? null;
    if (!resourceId) {
      const created = ((await c.res.clone().json()) as { result?: { id?: string; client_id?: string } }).result;
      resourceId = created?.id ?? created?.client_id ?? null;
    }
    const removed = target.action === 'delete';
    const afterPath = target.snapshotPath ?? (resourceId ? `${match[2]!.replace(/\/$/, '')}/${resourceId}` : null);
    // A write answered with the resource itself is its state after: the same bytes a GET would answer.
    const answered = target.answersState ? cachedAnswerResult(c.res) : undefined;
    const after = removed || !afterPath ? null : answered !== undefined ? answered : await snapshot(read, requests, base, afterPath);
    insertAuditLog(db, {
      accountId: match[1]!,
      target,
      resourceId,
      actor,
      method: c.req.method,
      uri: url.pathname,
      status: c.res.status,
      oldValue: redactSecrets(before),
      newValue: redactSecrets(after),
      request: redactSecrets(request),
    });
  };
}
