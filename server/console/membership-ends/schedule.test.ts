import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAILING_AFTER_ATTEMPTS, MAX_RETRY_MS, MAX_SLEEP_MS, dueEnds, endProblem, isFailing, nextWakeAt, retryAt } from './schedule.ts';

const end = (id: string, at: number, attempts = 0) => ({ id, endsAt: at, nextAttemptAt: at, attempts });
const T = Date.parse('2026-12-07T12:00:00Z');

describe('when the scheduler acts', () => {
  it('takes every end due at the same second, in a stable order', () => {
    const same = ['c', 'a', 'b'].map((id) => end(id, T));
    expect(dueEnds(same, T).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(dueEnds(same, T - 1)).toEqual([]);
  });

  it('catches up ends that passed while nobody was there: a past end is due at once', () => {
    const past = [end('old', T - 7 * 86_400_000), end('later', T + 1000)];
    expect(dueEnds(past, T).map((e) => e.id)).toEqual(['old']);
    expect(nextWakeAt(past, T)).toBe(T);
  });

  it('never sleeps past an hour, so a clock moved forward or back is noticed', () => {
    expect(nextWakeAt([end('far', T + 30 * 86_400_000)], T)).toBe(T + MAX_SLEEP_MS);
    // The clock went back a day: the end is still ahead, and the wake is not in the past.
    expect(nextWakeAt([end('soon', T)], T - 86_400_000)).toBe(T - 86_400_000 + MAX_SLEEP_MS);
    expect(nextWakeAt([], T)).toBeNull();
  });

  it('backs off retries, doubling up to the cap, and calls a repeated failure past its end failing', () => {
    const delays = [1, 2, 3, 4, 10, 30].map((n) => retryAt(n, T) - T);
    expect(delays.slice(0, 3)).toEqual([30_000, 60_000, 120_000]);
    expect(Math.max(...delays)).toBe(MAX_RETRY_MS);
    expect(isFailing(end('x', T - 1, FAILING_AFTER_ATTEMPTS), T)).toBe(true);
    expect(isFailing(end('x', T - 1, FAILING_AFTER_ATTEMPTS - 1), T)).toBe(false);
    expect(isFailing(end('x', T + 60_000, FAILING_AFTER_ATTEMPTS), T)).toBe(false);
  });

  it('refuses ends too close, too far or not a time', () => {
    expect(endProblem(T + 10_000, T)).toMatch(/30 seconds/);
    expect(endProblem(T + 400 * 86_400_000, T)).toMatch(/within a year/);
    expect(endProblem(Number.NaN, T)).toMatch(/Choose/);
    expect(endProblem(T + 3_600_000, T)).toBeNull();
  });

  it('for any ends and any clock: due is exactly what is past, and the wake is now when something is due', () => {
    const ends = fc.array(fc.record({ id: fc.uuid(), at: fc.integer({ min: T - 1e9, max: T + 1e9 }), attempts: fc.nat(10) }), { maxLength: 40 });
    fc.assert(
      fc.property(ends, fc.integer({ min: T - 1e9, max: T + 1e9 }), (list, now) => {
        const open = list.map((e) => end(e.id, e.at, e.attempts));
        const due = dueEnds(open, now);
        expect(due.length).toBe(open.filter((e) => e.nextAttemptAt <= now).length);
        for (let i = 1; i < due.length; i++) expect(due[i - 1]!.nextAttemptAt).toBeLessThanOrEqual(due[i]!.nextAttemptAt);
        const wake = nextWakeAt(open, now);
        if (open.length === 0) expect(wake).toBeNull();
        else {
          expect(wake!).toBeGreaterThanOrEqual(now);
          expect(wake!).toBeLessThanOrEqual(now + MAX_SLEEP_MS);
          if (due.length > 0) expect(wake).toBe(now);
        }
      }),
    );
  });
});
