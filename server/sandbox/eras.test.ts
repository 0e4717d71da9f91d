import { describe, expect, it } from 'vitest';
import { loadConfig, sandboxApiShapes } from '../config.ts';
import { openSandboxDb } from '../runtime/node/open-sandbox-db.ts';
import { createSandboxApi } from './router.ts';
import { ACCOUNT, BEARER } from './test-support.ts';

describe('SANDBOX_API_SHAPES (Decision 1)', () => {
  it('is today unless set to 2024', () => {
    expect(sandboxApiShapes(undefined)).toBe('today');
    expect(sandboxApiShapes('today')).toBe('today');
    expect(sandboxApiShapes('2024')).toBe('2024');
    expect(sandboxApiShapes('2025')).toBe('today');
    expect(loadConfig({}).sandboxApiShapes).toBe('today');
    expect(loadConfig({ SANDBOX_API_SHAPES: '2024' }).sandboxApiShapes).toBe('2024');
  });

  it("a sandbox given no era answers today's shapes", async () => {
    const api = createSandboxApi({ db: openSandboxDb(':memory:', 'default'), verificationDelayMs: 0 });
    const res = await api.request(`/client/v4/accounts/${ACCOUNT}/iam/resource_groups`, { headers: BEARER });
    const body = (await res.json()) as { result: Array<{ scope: unknown }> };
    expect(Array.isArray(body.result[0]!.scope)).toBe(false);
  });
});
