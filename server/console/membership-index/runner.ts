import { log } from '../../log.ts';
import type { RequestBudget } from '../budget.ts';
import type { IndexBuilder } from './builder.ts';
import { nextTurn } from '../next-turn.ts';

/**
 * Keeps one background loop per account the dashboard asked about, stepping the builder as the
 * budget allows. Failures stay here: they slow the loop down and show in the index's status,
 * never as an error in someone's view.
 */
const MAX_BACKOFF_MS = 60_000;
const IDLE_CHECK_MS = 5_000;

export function createIndexRunner(builder: IndexBuilder, budget: RequestBudget) {
  const loops = new Map<string, { wake: () => void; lastError: string | null }>();
  let stopped = false;

  const sleep = (accountId: string, ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      const loop = loops.get(accountId);
      if (loop)
        loop.wake = () => {
          clearTimeout(timer);
          resolve();
        };
    });

  async function run(accountId: string) {
    let failures = 0;
    while (!stopped) {
      try {
        const result = await builder.step(accountId);
        failures = 0;
        loops.get(accountId)!.lastError = null;
        if (result === 'worked') await nextTurn(); // let the dashboard's calls in
        else if (result === 'paused') await sleep(accountId, Math.min(Math.max(budget.snapshot().waitMs, 50), 10_000));
        else await sleep(accountId, IDLE_CHECK_MS);
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        loops.get(accountId)!.lastError = message;
        if (failures === 1) log.warn(`membership index (${accountId}): ${message}; retrying`);
        await sleep(accountId, Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures));
      }
    }
  }

  return {
    /** Starts the account's loop if it is not running. */
    ensure(accountId: string) {
      if (stopped || loops.has(accountId)) return;
      loops.set(accountId, { wake: () => {}, lastError: null });
      void run(accountId);
    },
    wake: (accountId: string) => loops.get(accountId)?.wake(),
    lastError: (accountId: string) => loops.get(accountId)?.lastError ?? null,
    stop() {
      stopped = true;
      for (const loop of loops.values()) loop.wake();
    },
  };
}

export type IndexRunner = ReturnType<typeof createIndexRunner>;
