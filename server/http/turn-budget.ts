import type { MiddlewareHandler } from 'hono';

/** What the middleware reads of Hono's Node env: the socket a request came on. */
interface NodeBindings {
  incoming?: { socket?: { destroyed?: boolean } | null };
}

/** nginx's status for a request whose client closed the connection before it was answered. */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * At most `budget` requests start per turn of Node's event loop; the others wait, in arrival
 * order, for the next turns. Node (libuv ≥ 1.45) accepts one new connection per loop turn, so when
 * every turn served every ready request, a burst of 200 new connections waited behind the busy
 * ones — seconds, up to client timeouts — while their requests were not even read. Short turns let
 * the listener in often, and the wait is shared out in order instead of landing on the newcomers.
 *
 * While connections are still arriving (a turn saw the first request of a connection), the next
 * turn starts only `burstBudget` requests: 200 connections are accepted in 10–120 ms instead of
 * 0.6–1.2 s. Outside a burst the turns stay `budget` long: a turn per request halves throughput.
 */
export function shareEventLoopTurns(budget = 8, burstBudget = 1): MiddlewareHandler<{ Bindings: NodeBindings }> {
  let startedThisTurn = 0;
  let turnBudget = budget;
  let newcomerThisTurn = false;
  let turnEndScheduled = false;
  const waiting: Array<() => void> = [];
  const seenSockets = new WeakSet<object>();

  // setImmediate runs after the loop's I/O phase: a new turn's budget, handed first to the waiting.
  const endTurn = () => {
    turnEndScheduled = false;
    startedThisTurn = 0;
    turnBudget = newcomerThisTurn ? burstBudget : budget;
    newcomerThisTurn = false;
    while (waiting.length > 0 && startedThisTurn < turnBudget) {
      startedThisTurn++;
      waiting.shift()!();
    }
    if (startedThisTurn > 0) scheduleTurnEnd();
  };
  const scheduleTurnEnd = () => {
    if (turnEndScheduled) return;
    turnEndScheduled = true;
    setImmediate(endTurn);
  };

  return async (c, next) => {
    const socket = c.env?.incoming?.socket;
    if (socket && !seenSockets.has(socket)) {
      seenSockets.add(socket);
      newcomerThisTurn = true;
    }
    if (waiting.length > 0 || startedThisTurn >= turnBudget) {
      await new Promise<void>((resolve) => waiting.push(resolve));
      // The client hung up while this waited (a load test's connections closing at its end):
      // nobody reads an answer, and starting it would only delay the connections still there.
      // Not started, so not applied: a write without an answer may or may not have happened.
      if (socket?.destroyed) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
    } else {
      startedThisTurn++;
    }
    scheduleTurnEnd();
    await next();
  };
}
