import { createFormHook } from '@tanstack/react-form';
import { fieldContext, formContext } from './form-contexts';
import { TextField } from './text-field';

/**
 * The app's one form hook (TanStack Form): `form.AppField` binds a field to the labelled inputs
 * below; validation is zod (Standard Schema) or a plain function; the API's errors go beside
 * their fields through `applyApiErrors`, and `useFocusFirstInvalid` moves focus on a failed submit.
 */
export const { useAppForm } = createFormHook({
  fieldContext,
  formContext,
  fieldComponents: { TextField },
  formComponents: {},
});
