import { createFormHookContexts } from '@tanstack/react-form';

/** The contexts `useAppForm`'s field components read their field from. */
export const { fieldContext, formContext, useFieldContext, useFormContext } = createFormHookContexts();
