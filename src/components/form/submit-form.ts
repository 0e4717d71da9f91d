import type { AnyFormApi } from '@tanstack/react-form';
import type { FormEvent } from 'react';
import { setFieldErrors } from './api-errors';

type SubmittableForm = Pick<AnyFormApi, 'state' | 'setFieldMeta' | 'handleSubmit'>;

/**
 * Submits the form afresh: what the API said about the last attempt goes first (the new answer
 * replaces it, and a refusal of unchanged input is asked again rather than assumed), then the
 * form's own checks run and, if they pass, its onSubmit.
 */
export function submitForm(form: SubmittableForm): Promise<void> {
  for (const [field, meta] of Object.entries(form.state.fieldMeta)) {
    if ((meta as { errorMap?: { onSubmit?: unknown } } | undefined)?.errorMap?.onSubmit !== undefined) setFieldErrors(form, { [field]: undefined });
  }
  return form.handleSubmit();
}

/** A `<form onSubmit>` for a TanStack form: no page load, then `submitForm`. */
export const onFormSubmit = (form: SubmittableForm) => (event: FormEvent) => {
  event.preventDefault();
  void submitForm(form);
};
