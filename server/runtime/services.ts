import type { MiddlewareHandler } from 'hono';
import type { AlarmFactory } from '../console/membership-ends/service.ts';
import type { LiveResolver } from '../dns/resolver.ts';

/** The pieces with a Node and a Workers implementation (server/runtime/node, …/workers); everything else is the same code. */
export interface RuntimeServices {
  /** The built SPA: a file, index.html for a client route, or null (404). */
  staticFiles: (request: Request) => Promise<Response | null>;
  /** Live mode's DNS pre-check lookups. */
  dnsResolver: LiveResolver;
  /** Runs first on every request: Node shares its event-loop turns out (http/turn-budget.ts); Workers need nothing. */
  admission: MiddlewareHandler | null;
  /** Wakes the time-bound membership scheduler: a timer on Node, the Durable Object's alarm on Workers. */
  alarm: AlarmFactory;
}
