import type { MiddlewareHandler } from 'hono';

/**
 * At most `budget` requests start per turn of Node's event loop; the others wait, in arrival
 * order, for the next turns. Node accepts one new connection per loop turn, so when every turn
 * served every ready request, a burst of 200 new connections waited behind the busy ones —
 * seconds, up to client timeouts — while their requests were not even read. Short turns let the
 * listener in often, and the wait is shared out in order instead of landing on the newcomers.
 */
export function shareEventLoopTurns(budget = 8): MiddlewareHandler {
  let startedThisTurn = 0;
  let turnEndScheduled = false;
  const waiting: Array<() => void> = [];

  // setImmediate runs after the loop's I/O phase: a new turn's budget, handed first to the waiting.
  const endTurn = () => {
    turnEndScheduled = false;
    startedThisTurn = 0;
    while (waiting.length > 0 && startedThisTurn < budget) {
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

  return async (_c, next) => {
    if (waiting.length > 0 || startedThisTurn >= budget) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      startedThisTurn++;
    }
    scheduleTurnEnd();
    await next();
  };
}
