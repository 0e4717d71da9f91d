import { FieldApi, FormApi } from '@tanstack/react-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error';
import { resetBudget } from '@/api/request-budget';
import { applyApiErrors, bannerMessages, errorText, fieldMessage, ownsFields, placeApiErrors } from './api-errors';

/** The Cloudflare envelope a refused create comes back as. */
const refused = () =>
  new ApiError({
    status: 400,
    kind: 'api',
    errors: [
      { code: 1004, message: 'name: a user group named "Ops" already exists in this account (names are case-insensitive)', pointer: '/name' },
      { code: 1004, message: 'name: a second message for the same field', pointer: '/name' },
      { code: 1002, message: 'policies[0].access: must be allow or deny', pointer: '/policies/0/access' },
      { code: 10000, message: 'Authentication error' },
    ],
  });

function mountedForm() {
  const form = new FormApi({ defaultValues: { name: 'Ops', description: '' } });
  form.mount();
  const name = new FieldApi({ form, name: 'name' });
  name.mount();
  const description = new FieldApi({ form, name: 'description' });
  description.mount();
  return { form, name, description };
}

afterEach(() => {
  vi.useRealTimers();
  resetBudget();
});

describe('fieldMessage', () => {
  it('drops the field-path prefix and starts the sentence with a capital', () => {
    expect(fieldMessage('name: a user group named "Ops" already exists')).toBe('A user group named "Ops" already exists');
    expect(fieldMessage('redirect_uris[2]: must be an absolute https URI')).toBe('Must be an absolute https URI');
  });
  it('keeps a message that starts with what the admin typed as written', () => {
    expect(fieldMessage('email_domain: gmail.com is a public email provider')).toBe('gmail.com is a public email provider');
  });
});

describe('placeApiErrors', () => {
  it('puts the envelope’s pointed errors on the form’s fields and the rest, with their codes, in the banner', () => {
    expect(placeApiErrors(refused(), ownsFields(['name']))).toEqual({
      fields: { '/name': 'A user group named "Ops" already exists in this account (names are case-insensitive)' },
      banner: ['policies[0].access: must be allow or deny (code 1002)', 'Authentication error (code 10000)'],
    });
  });
  it('sends a failure that is not the envelope to the banner', () => {
    expect(placeApiErrors(new Error('Failed to fetch'), ownsFields(['name']))).toEqual({ fields: {}, banner: ['Failed to fetch'] });
    expect(placeApiErrors(null, ownsFields(['name']))).toEqual({ fields: {}, banner: [] });
  });
  it('says at what time of day a 429 lets the save go again, from the same clock as every countdown', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    resetBudget();
    const limited = new ApiError({ status: 429, kind: 'api', retryAfter: 120, errors: [{ code: 10429, message: 'Rate limited' }] });
    expect(bannerMessages(limited, ownsFields(['name']))).toEqual([
      'Rate limited (code 10429)',
      `You can try again at ${new Date('2026-12-07T10:02:00Z').toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}.`,
    ]);
  });
  it('says to wait when a 429 names no time', () => {
    const limited = new ApiError({ status: 429, kind: 'api', errors: [{ code: 10429, message: 'Rate limited' }], retryAfter: null });
    expect(bannerMessages(limited, ownsFields(['name']))).toEqual(['Rate limited (code 10429)', 'Cloudflare’s API is limiting requests: wait a moment, then try again.']);
  });
});

describe('applyApiErrors on a TanStack form', () => {
  it('shows the API’s message on its field, returns the others for the banner, and the form is invalid until it changes', () => {
    const { form, name, description } = mountedForm();
    const banner = applyApiErrors(form, refused(), ['name', 'description']);
    expect(errorText(name.state.meta.errors)).toBe('A user group named "Ops" already exists in this account (names are case-insensitive)');
    expect(description.state.meta.errors).toEqual([]);
    expect(banner).toHaveLength(2);
    expect(form.state.isFieldsValid).toBe(false);
  });
  it('drops a field’s API error once that field changes, keeping the value typed', () => {
    const { form, name } = mountedForm();
    applyApiErrors(form, refused(), ['name']);
    name.handleChange('Ops 2');
    expect(name.state.meta.errors).toEqual([]);
    expect(form.state.values.name).toBe('Ops 2');
    expect(form.state.isFieldsValid).toBe(true);
  });
  it('clears an earlier error the next failure does not repeat', () => {
    const { form, name } = mountedForm();
    applyApiErrors(form, refused(), ['name']);
    applyApiErrors(form, new ApiError({ status: 500, kind: 'api', errors: [{ code: 10001, message: 'Internal error' }] }), ['name']);
    expect(name.state.meta.errors).toEqual([]);
  });
});

describe('errorText', () => {
  it('reads a validator’s string or the first Standard Schema issue', () => {
    expect(errorText([undefined, 'Enter a name'])).toBe('Enter a name');
    expect(errorText([[{ message: 'Too long', path: ['name'] }]])).toBe('Too long');
    expect(errorText([])).toBeUndefined();
  });
});
