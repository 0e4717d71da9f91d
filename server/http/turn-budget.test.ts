import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { shareEventLoopTurns } from './turn-budget.ts';

/**
 * The turn budget, counted rather than timed: how many waiting requests each loop turn starts.
 * Requests are dispatched the way @hono/node-server does, with the Node socket in `env.incoming`.
 */

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function harness(budget: number, burstBudget: number) {
  const started: number[] = [];
  const app = new Hono();
  app.use('*', shareEventLoopTurns(budget, burstBudget));
  app.get('/:n', (c) => {
    started.push(Number(c.req.param('n')));
    return c.text('ok');
  });
  const send = (n: number, socket: object) => app.fetch(new Request(`http://sandbox.test/${n}`), { incoming: { socket } });
  return { started, send };
}

describe('shareEventLoopTurns', () => {
  it('starts at most the budget per turn, in arrival order, when the connections are known', async () => {
    const { started, send } = harness(4, 1);
    const sockets = Array.from({ length: 10 }, () => ({}));
    // First turn: every connection introduces itself, so the burst is under way.
    await Promise.all(sockets.map((socket, n) => send(n, socket)));
    started.length = 0;
    await nextTurn();

    const answers = sockets.map((socket, n) => send(100 + n, socket));
    expect(started).toEqual([100, 101, 102, 103]);
    await nextTurn();
    // No newcomer in the turn that just ended: a full turn again.
    expect(started).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    await Promise.all(answers);
    expect(started).toHaveLength(10);
  });

  it('keeps turns short while new connections keep arriving, so the listener is polled often', async () => {
    const { started, send } = harness(8, 1);
    const known = Array.from({ length: 20 }, () => ({}));
    await Promise.all(known.map((socket, n) => send(n, socket)));
    await nextTurn();
    started.length = 0;

    // A busy turn: the 20 known connections ask again, and one connection not seen before arrives.
    const answers = known.map((socket, n) => send(100 + n, socket));
    answers.push(send(999, {}));
    expect(started).toHaveLength(8);
    await nextTurn();
    // The turn saw a newcomer (the next accept is one loop turn away): one request, not eight.
    expect(started).toHaveLength(9);
    await nextTurn();
    // That short turn saw no newcomer: back to the full budget.
    expect(started).toHaveLength(17);
    await Promise.all(answers);
    expect(started.at(-1)).toBe(999);
  });

  it('does not start a request whose client hung up while it waited', async () => {
    const { started, send } = harness(2, 2);
    const sockets = Array.from({ length: 4 }, () => ({ destroyed: false }));
    const answers = sockets.map((socket, n) => send(n, socket));
    expect(started).toEqual([0, 1]);
    sockets[2]!.destroyed = true; // its connection closed while the request was queued
    const statuses = (await Promise.all(answers)).map((response) => response.status);
    expect(started).toEqual([0, 1, 3]);
    expect(statuses).toEqual([200, 200, 499, 200]);
  });
});
