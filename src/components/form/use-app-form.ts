import { createFormHook } from '@tanstack/react-form';
import { fieldContext, formContext } from './form-contexts';
import { TextField } from './text-field';

const { useAppForm: useTanStackAppForm } = createFormHook({
  fieldContext,
  formContext,
  fieldComponents: { TextField },
  formComponents: {},
});

/**
 * The app's one form hook (TanStack Form): `form.AppField` binds a field to the labelled inputs
 * below; validation is zod (Standard Schema) or a plain function; the API's errors go beside
 * their fields through `applyApiErrors`, and `useFocusFirstInvalid` moves focus on a failed submit.
 *
 * A submit always runs the checks and says what is wrong (`canSubmitWhenInvalid`): TanStack
 * would otherwise drop a first submit silently while an as-typed check is still pending or a
 * field still shows an error.
 */
export const useAppForm = ((options) => useTanStackAppForm({ canSubmitWhenInvalid: true, ...options })) as typeof useTanStackAppForm;
