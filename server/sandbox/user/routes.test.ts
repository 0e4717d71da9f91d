import { describe, expect, it } from 'vitest';
import { createIamSandbox, expectError } from '../iam-test-fixtures.ts';

describe('GET /user/tokens/verify', () => {
  it('verifies a Bearer token: a stable id per token and status active', async () => {
    const { call } = createIamSandbox();
    const res = await call('GET', '/user/tokens/verify', undefined, { authorization: 'Bearer token-one' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      errors: [],
      messages: [{ code: 10000, message: 'This API Token is valid and active' }],
      result: { id: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'active' },
    });
    const again = await call('GET', '/user/tokens/verify', undefined, { authorization: 'Bearer token-one' });
    expect(again.body.result.id).toBe(res.body.result.id);
    const other = await call('GET', '/user/tokens/verify', undefined, { authorization: 'Bearer token-two' });
    expect(other.body.result.id).not.toBe(res.body.result.id);
  });

  it('refuses the global API key: the endpoint verifies tokens only', async () => {
    const { call } = createIamSandbox();
    const res = await call('GET', '/user/tokens/verify', undefined, { 'x-auth-email': 'a@example.com', 'x-auth-key': 'k' });
    expectError(res, { status: 400, code: 6003, message: 'Authorization: Bearer' });
  });

  it('answers a request without credentials with the missing-credential errors', async () => {
    const { call } = createIamSandbox();
    const res = await call('GET', '/user/tokens/verify', undefined, {});
    expectError(res, { status: 400, code: 9106 });
    expect(res.body.errors.map((e) => e.code)).toEqual([9106, 9107]);
  });

  it('rejects a malformed Authorization header', async () => {
    const { call } = createIamSandbox();
    expectError(await call('GET', '/user/tokens/verify', undefined, { authorization: 'Token abc' }), {
      status: 400,
      code: 6003,
    });
  });
});
