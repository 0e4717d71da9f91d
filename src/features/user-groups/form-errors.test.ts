import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error';
import { resetBudget } from '@/api/request-budget';
import { otherMessages } from './form-errors';

afterEach(() => {
  vi.useRealTimers();
  resetBudget();
});

describe('a 429 in a form says when to retry', () => {
  it('adds the time of day the refusal ends, from the same clock as every countdown', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    resetBudget();
    const refused = new ApiError({ status: 429, kind: 'api', retryAfter: 120, errors: [{ code: 10429, message: 'Rate limited' }] });
    const messages = otherMessages(refused, ['/name']);
    expect(messages[0]).toBe('Rate limited (code 10429)');
    expect(messages[1]).toBe(`You can try again at ${new Date('2026-12-07T10:02:00Z').toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}.`);
  });

  it('leaves other refusals as the API said them', () => {
    const refused = new ApiError({ status: 400, kind: 'api', errors: [{ code: 1004, message: 'taken', pointer: '/name' }, { code: 7, message: 'other' }] });
    expect(otherMessages(refused, ['/name'])).toEqual(['other (code 7)']);
  });
});
