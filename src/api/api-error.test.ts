import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';

const A = 'a'.repeat(32);

describe('ApiError on a contextual 403 and on the SCIM refusal', () => {
  it('reads code 10000 with its documentation link, and the call that failed', () => {
    const error = new ApiError({
      status: 403,
      kind: 'api',
      request: { method: 'POST', path: `/accounts/${A}/sso_connectors` },
      errors: [{ code: 10000, message: 'Forbidden', documentationUrl: 'https://developers.cloudflare.com/fundamentals/api/reference/permissions/' }],
    });
    expect(error.isForbidden).toBe(true);
    expect(error.documentationUrl).toBe('https://developers.cloudflare.com/fundamentals/api/reference/permissions/');
    expect(error.isScimManaged).toBe(false);
  });

  it('recognises the SCIM-managed refusal (Decision 4)', () => {
    const error = new ApiError({
      status: 400,
      kind: 'api',
      errors: [{ code: 1001, message: 'Invalid request: this user group is managed by SCIM provisioning and cannot be modified' }],
    });
    expect(error.isScimManaged).toBe(true);
    expect(error.isForbidden).toBe(false);
  });
});
