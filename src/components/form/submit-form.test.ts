import { FieldApi, FormApi } from '@tanstack/react-form';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error';
import { applyApiErrors } from './api-errors';
import { submitForm } from './submit-form';

const taken = new ApiError({ status: 400, kind: 'api', errors: [{ code: 1004, message: 'name: a user group named "Ops" already exists', pointer: '/name' }] });

function form(validate?: (name: string) => string | undefined) {
  const onSubmit = vi.fn();
  const onSubmitInvalid = vi.fn();
  const api = new FormApi({ defaultValues: { name: 'Ops' }, onSubmit, onSubmitInvalid });
  api.mount();
  new FieldApi({ form: api, name: 'name', validators: validate ? { onSubmit: ({ value }) => validate(value) } : undefined }).mount();
  return { api, onSubmit, onSubmitInvalid };
}

describe('submitForm', () => {
  it('asks the API again about unchanged input it refused (a refusal may not hold twice)', async () => {
    const { api, onSubmit, onSubmitInvalid } = form();
    applyApiErrors(api, taken, ['name']);
    await submitForm(api);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmitInvalid).not.toHaveBeenCalled();
  });
  it('still stops at the form’s own checks', async () => {
    const { api, onSubmit, onSubmitInvalid } = form((name) => (name.length < 5 ? 'Too short' : undefined));
    applyApiErrors(api, taken, ['name']);
    await submitForm(api);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onSubmitInvalid).toHaveBeenCalledTimes(1);
    expect(api.getFieldMeta('name')?.errors).toEqual(['Too short']);
  });
});
