import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ApiError } from './api-error';
import { request } from './client';
import {
  acquireSlot,
  cancelHeldWrite,
  cancelHeldWritesLeftBehind,
  getBudgetSnapshot,
  HeldWriteCancelled,
  keepHeldWrite,
  MAX_IN_FLIGHT,
  noteLockout,
  observeResponse,
  resetBudget,
  retryAtFor,
} from './request-budget';

const ok = (headers: Record<string, string> = {}) =>
  new Response(
    JSON.stringify({
      success: true,
      errors: [],
      messages: [],
      result: { id: 'x' },
    }),
    { headers },
  );
/** Cloudflare's 429; a lockout's carries `ratelimit: …;r=0`, a one-off's only Retry-After. */
const tooMany = (headers: Record<string, string>, message = 'Rate limited') =>
  new Response(JSON.stringify({ success: false, errors: [{ code: 10429, message }], messages: [] }), { status: 429, headers });
const item = z.object({ id: z.string() });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => resetBudget());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('request budget', () => {
  it('reads Ratelimit and Ratelimit-Policy from every answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        ok({
          ratelimit: '"default";r=140;t=192',
          'ratelimit-policy': '"default";q=1200;w=300',
        }),
      ),
    );
    await request('/x', { schema: item });
    const s = getBudgetSnapshot();
    expect(s).toMatchObject({ limit: 1200, remaining: 140, low: true });
    expect(s.resetAt! - Date.now()).toBeGreaterThan(190_000);
  });

  it('caps concurrency: the seventh call waits until one of six returns', async () => {
    const pending: Array<(r: Response) => void> = [];
    const fetchMock = vi.fn(() => new Promise<Response>((resolve) => pending.push(resolve)));
    vi.stubGlobal('fetch', fetchMock);
    const calls = Array.from({ length: MAX_IN_FLIGHT + 1 }, () => request('/x', { schema: item }));
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(MAX_IN_FLIGHT);
    pending[0]!(ok());
    await calls[0];
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(MAX_IN_FLIGHT + 1);
    for (const resolve of pending.slice(1)) resolve(ok());
    await Promise.all(calls);
  });

  it('pauses background work while quota is low, names it, and resumes when quota comes back', async () => {
    vi.useFakeTimers();
    resetBudget();
    observeResponse(
      {
        status: 200,
        headers: new Headers({
          ratelimit: '"default";r=100;t=60',
          'ratelimit-policy': '"default";q=1200;w=300',
        }),
      },
      null,
    );
    let started = false;
    const slot = acquireSlot('Verification check').then((release) => {
      started = true;
      return release;
    });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(started).toBe(false);
    expect(getBudgetSnapshot().paused).toEqual(['Verification check']);
    // A person's own call is not held back by the low budget.
    const own = await acquireSlot();
    own();
    await vi.advanceTimersByTimeAsync(31_000);
    expect(started).toBe(true);
    (await slot)();
    expect(getBudgetSnapshot().paused).toEqual([]);
  });

  it('after a lockout 429 every call fails at once with the time to wait, without reaching the network', async () => {
    const fetchMock = vi.fn(async () => tooMany({ 'retry-after': '300', ratelimit: '"default";r=0;t=300' }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(request('/x', { method: 'POST', body: {}, schema: item })).rejects.toBeInstanceOf(ApiError);
    const second = await request('/x', { schema: item }).catch((e: ApiError) => e);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(second).toBeInstanceOf(ApiError);
    expect((second as ApiError).status).toBe(429);
    expect((second as ApiError).retryAfter).toBeGreaterThan(295);
    expect((second as ApiError).message).toMatch(/refuses every call until the lockout ends/);
  });

  it('one countdown for the whole app: every error of a lockout reads the lockout’s end, however late it came', async () => {
    let t = 1_000_000;
    resetBudget(() => t);
    vi.spyOn(Date, 'now').mockImplementation(() => t);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => tooMany({ 'retry-after': '120', ratelimit: '"default";r=0;t=120' })),
    );
    const first = (await request('/x', {
      method: 'POST',
      body: {},
      schema: item,
    }).catch((e: ApiError) => e)) as ApiError;
    t += 61_000;
    const later = (await request('/y', { schema: item }).catch((e: ApiError) => e)) as ApiError;
    // The later error was built with 59 s left; both show the lockout's one end.
    expect(retryAtFor(first)).toBe(1_000_000 + 120_000);
    expect(retryAtFor(later)).toBe(retryAtFor(first));
    expect(getBudgetSnapshot().blockedUntil).toBe(1_000_000 + 120_000);
    vi.restoreAllMocks();
  });

  it('a lockout the server reports before this tab asked blocks calls at once and shows the banner', async () => {
    const fetchMock = vi.fn(async () => ok());
    vi.stubGlobal('fetch', fetchMock);
    noteLockout(90);
    expect(getBudgetSnapshot()).toMatchObject({ low: true });
    expect(getBudgetSnapshot().blockedUntil! - Date.now()).toBeGreaterThan(88_000);
    await expect(request('/x', { schema: item })).rejects.toMatchObject({
      status: 429,
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a one-off 429 without an exhausted quota does not lock the dashboard out', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(tooMany({ 'retry-after': '2' }, 'slow'))
      .mockResolvedValueOnce(ok());
    vi.stubGlobal('fetch', fetchMock);
    await expect(request('/x', { schema: item })).rejects.toBeInstanceOf(ApiError);
    await expect(request('/x', { schema: item })).resolves.toMatchObject({
      result: { id: 'x' },
    });
  });

  describe('a write held for a slot is shown, cancellable, and only sent while the admin is on its page', () => {
    async function fillSlots() {
      const pending: Array<(r: Response) => void> = [];
      let answering = false;
      const fetchMock = vi.fn(() => (answering ? Promise.resolve(ok()) : new Promise<Response>((resolve) => pending.push(resolve))));
      vi.stubGlobal('fetch', fetchMock);
      const reads = Array.from({ length: MAX_IN_FLIGHT }, (_, i) => request(`/read/${i}`, { schema: item }));
      await flush();
      const release = async () => {
        answering = true;
        for (const resolve of pending) resolve(ok());
        await Promise.all(reads);
      };
      return { fetchMock, release };
    }

    it('is listed with what it does and where it was asked, and cancelling it means it is never sent', async () => {
      const { fetchMock, release } = await fillSlots();
      const write = request('/accounts/a/sso_connectors', {
        method: 'POST',
        body: { email_domain: 'example.com' },
        schema: item,
        label: 'Create connector example.com',
      });
      await flush();
      const held = getBudgetSnapshot().held;
      expect(held).toEqual([
        expect.objectContaining({
          label: 'Create connector example.com',
          page: '',
          kept: false,
        }),
      ]);
      cancelHeldWrite(held[0]!.id);
      await expect(write).rejects.toBeInstanceOf(HeldWriteCancelled);
      expect(getBudgetSnapshot().held).toEqual([]);
      await release();
      await flush();
      expect(fetchMock).toHaveBeenCalledTimes(MAX_IN_FLIGHT);
    });

    it('leaving its page cancels it, unless the admin chose to keep it', async () => {
      const { fetchMock, release } = await fillSlots();
      const left = request('/x/left', {
        method: 'PATCH',
        body: { name: 'a' },
        schema: item,
      });
      const kept = request('/x/kept', {
        method: 'PATCH',
        body: { name: 'b' },
        schema: item,
      });
      await flush();
      const [, keep] = getBudgetSnapshot().held;
      keepHeldWrite(keep!.id);
      cancelHeldWritesLeftBehind('/accounts/a/oauth-clients');
      await expect(left).rejects.toBeInstanceOf(HeldWriteCancelled);
      expect(getBudgetSnapshot().held).toEqual([expect.objectContaining({ label: 'PATCH /x/kept', kept: true })]);
      await release();
      await expect(kept).resolves.toMatchObject({ result: { id: 'x' } });
      expect(fetchMock.mock.calls.map((c) => String((c as unknown[])[0]))).not.toContain('/client/v4/x/left');
    });
  });
});
