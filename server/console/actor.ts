import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is making the current request, for the change journal and the header: in team mode the
 * admin Cloudflare Access signed in (server/security/access.ts sets it for the whole request);
 * null on a single-admin local console, where there is no sign-in.
 */
export interface Actor {
  email: string;
  via: 'cloudflare-access';
}

// Request-scoped without threading a context through every call: a Durable Object serves many
// requests interleaved on one thread, and each await keeps its own request's actor.
const requestActor = new AsyncLocalStorage<Actor>();

export function runAsActor<T>(actor: Actor, fn: () => T): T {
  return requestActor.run(actor, fn);
}

/** The signed-in admin of the request being handled, or null (local console, or outside a request). */
export function currentActor(): Actor | null {
  return requestActor.getStore() ?? null;
}
