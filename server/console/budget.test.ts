import { describe, expect, it } from 'vitest';
import { BudgetRefused, createRequestBudget, parseRatelimit, parseRatelimitPolicy } from './budget.ts';

const answer = (status: number, headers: Record<string, string>) => ({ status, headers: new Headers(headers) });

/** Spends as long as the budget allows; returns how many went. */
function drain(budget: ReturnType<typeof createRequestBudget>, max = 10_000): number {
  let n = 0;
  while (n < max && budget.trySpend()) n++;
  return n;
}

describe('request budget', () => {
  it('reads Cloudflare’s Ratelimit and Ratelimit-Policy headers', () => {
    expect(parseRatelimit('"default";r=140;t=192')).toEqual({ remaining: 140, reset: 192 });
    expect(parseRatelimitPolicy('"default";q=1200;w=300')).toEqual({ limit: 1200, window: 300 });
    expect(parseRatelimit('nonsense')).toBeNull();
  });

  it('never spends more than its share of the limit in a window, however long it runs', () => {
    const clock = { now: 0 };
    const budget = createRequestBudget({ share: 0.25, now: () => clock.now });
    let spent = 0;
    const times: number[] = [];
    // Ten minutes of a greedy caller, trying every 100 ms.
    for (; clock.now < 600_000; clock.now += 100) {
      const n = drain(budget);
      for (let i = 0; i < n; i++) times.push(clock.now);
      spent += n;
    }
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + 300_000).length;
      expect(inWindow).toBeLessThanOrEqual(300); // 25 % of the assumed 1,200 per 5 minutes
    }
    expect(spent).toBeGreaterThan(500); // and it did use its share
  });

  it('spreads the work: a burst of a fifth of the share, then an even pace', () => {
    const clock = { now: 0 };
    const budget = createRequestBudget({ share: 0.25, now: () => clock.now });
    expect(drain(budget)).toBe(60);
    expect(budget.snapshot().paused).toBe('pace');
    clock.now += 1000; // 300 per 300 s is one a second
    expect(drain(budget)).toBe(1);
  });

  it('lets a read someone waits on go past pace and share, counts it, and refuses it only on a lockout risk', () => {
    const clock = { now: 0 };
    const budget = createRequestBudget({ share: 0.25, reserve: 0.2, now: () => clock.now });
    for (let i = 0; i < 400; i++) budget.spendForView(); // more than the share (300), at once
    expect(budget.snapshot()).toMatchObject({ spent: 400, paused: 'share' });
    expect(budget.trySpend()).toBe(false); // background work waits for the window to move on
    budget.observe(answer(200, { ratelimit: '"default";r=200;t=90' }));
    const refused = (() => {
      try {
        budget.spendForView();
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(BudgetRefused);
    expect(refused).toMatchObject({ reason: 'low', waitMs: 90_000 });
    expect(budget.snapshot().spent).toBe(400); // a refused read is not counted
    clock.now += 90_000;
    budget.observe(answer(429, { 'retry-after': '30' }));
    expect(() => budget.spendForView()).toThrow(BudgetRefused);
    clock.now += 30_000;
    expect(() => budget.spendForView()).not.toThrow();
  });

  it('takes the limit from the policy header', () => {
    const budget = createRequestBudget({ share: 0.25, now: () => 0 });
    budget.observe(answer(200, { 'ratelimit-policy': '"default";q=40;w=60', ratelimit: '"default";r=39;t=60' }));
    expect(budget.snapshot()).toMatchObject({ limit: 40, windowSeconds: 60, allowance: 10, remaining: 39 });
    expect(drain(budget)).toBe(2); // burst of a fifth of 10
  });

  it('pauses while the quota left is low, and resumes when the answer’s reset time has passed', () => {
    const clock = { now: 0 };
    const budget = createRequestBudget({ share: 0.25, reserve: 0.2, now: () => clock.now });
    budget.observe(answer(200, { ratelimit: '"default";r=140;t=192' }));
    expect(budget.trySpend()).toBe(false);
    expect(budget.snapshot()).toMatchObject({ paused: 'low', remaining: 140, resetSeconds: 192 });
    clock.now += 192_000;
    expect(budget.trySpend()).toBe(true);
    expect(budget.snapshot().remaining).toBeNull();
  });

  it('stops after a 429 for its Retry-After, then goes on', () => {
    const clock = { now: 0 };
    const budget = createRequestBudget({ now: () => clock.now });
    budget.observe(answer(429, { 'retry-after': '300' }));
    expect(budget.trySpend()).toBe(false);
    expect(budget.snapshot()).toMatchObject({ paused: 'blocked', waitMs: 300_000 });
    clock.now += 299_000;
    expect(budget.trySpend()).toBe(false);
    clock.now += 1_000;
    expect(budget.trySpend()).toBe(true);
  });

  it('someone else’s one-off 429 does not stop it; their lockout 429 does', () => {
    const clock = { now: 0 };
    const budget = createRequestBudget({ now: () => clock.now });
    budget.observe(answer(429, { 'retry-after': '90' }), false);
    expect(budget.trySpend()).toBe(true);
    budget.observe(answer(429, { 'retry-after': '300', ratelimit: '"default";r=0;t=300' }), false);
    expect(budget.snapshot().paused).toBe('blocked');
  });
});
