import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { unplacedApiError } from '@/components/form/api-errors';
import { createBody, errorsFromApi, hasFormErrors, initialValues, ownsField, updateBody, validateForm } from './form-model';

const ACCOUNT = 'eb78d65290b24279ba6f44721b3ea3c4';
const ACCOUNT_KEY = `com.cloudflare.api.account.${ACCOUNT}`;
const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;
const group: ResourceGroup = { id: 'g'.repeat(32), name: 'Prod', scope: [{ key: ACCOUNT_KEY, objects: [{ key: zone('a') }, { key: zone('b') }] }] };

describe('resource group form', () => {
  it('starts a new group as the whole account, and an edit from the group', () => {
    expect(initialValues(null, ACCOUNT)).toEqual({ name: '', scope: { key: ACCOUNT_KEY, coverage: 'account', zones: [] } });
    expect(initialValues(group, ACCOUNT).scope.zones).toEqual([zone('a'), zone('b')]);
  });

  it('asks for a name and a complete scope before sending', () => {
    const errors = validateForm({ name: '  ', scope: { key: ACCOUNT_KEY, coverage: 'zones', zones: ['23f8'] } }, ACCOUNT);
    expect(errors.name).toBeDefined();
    expect(errors.scope?.zones?.[0]).toMatch(/Incomplete/);
    expect(hasFormErrors(errors)).toBe(true);
    expect(hasFormErrors(validateForm(initialValues(group, ACCOUNT), ACCOUNT))).toBe(false);
  });

  it('creates with the trimmed name and the whole scope', () => {
    expect(createBody({ name: ' New ', scope: { key: ACCOUNT_KEY, coverage: 'zones', zones: ['C'.repeat(32)] } })).toEqual({
      name: 'New',
      scope: { key: ACCOUNT_KEY, objects: [{ key: zone('c') }] },
    });
  });

  it('edits send only what changed, and nothing when nothing did', () => {
    const values = initialValues(group, ACCOUNT);
    expect(updateBody(values, group)).toBeNull();
    expect(updateBody({ ...values, scope: { ...values.scope, zones: [zone('b'), zone('a')] } }, group)).toBeNull(); // order only
    expect(updateBody({ ...values, name: 'Prod EU' }, group)).toEqual({ name: 'Prod EU' });
    expect(updateBody({ ...values, scope: { ...values.scope, coverage: 'account' } }, group)).toEqual({
      scope: { key: ACCOUNT_KEY, objects: [{ key: '*' }] },
    });
  });

  it("puts the API's errors by pointer and keeps the rest for the banner", () => {
    const error = new ApiError({
      status: 400,
      kind: 'api',
      errors: [
        { code: 1004, message: 'name: taken', pointer: '/name' },
        { code: 1001, message: 'scope.objects[1].key: bad', pointer: '/scope/objects/1/key' },
        { code: 1001, message: 'meta: unknown field', pointer: '/meta' },
        { code: 1000, message: 'internal' },
      ],
    });
    const errors = errorsFromApi(error, initialValues(group, ACCOUNT).scope);
    expect(errors.name).toBe('name: taken');
    expect(errors.scope).toEqual({ zones: { 1: 'scope.objects[1].key: bad' } });
    expect((unplacedApiError(error, ownsField) as ApiError).errors.map((e) => e.message)).toEqual(['meta: unknown field', 'internal']);
  });
});
