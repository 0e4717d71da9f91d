import type { DeepKeys } from '@tanstack/react-form';
import { useAppForm } from '@/components/form/use-app-form';
import { errorsByField } from '../form-errors';
import { validateClientForm, type ClientFormValues } from '../schemas';

interface ClientFormOptions {
  defaultValues: ClientFormValues;
  /** GET /oauth/scopes' ids: dot-delimited scopes are checked against them. */
  catalogueIds: ReadonlySet<string>;
  onSubmit: (values: ClientFormValues) => Promise<void>;
  onSubmitInvalid: () => void;
}

/**
 * The OAuth client form's state (TanStack Form): every field validated on save by the same zod
 * schema the API's rules mirror, each problem on its field or list row.
 */
export function useClientForm({ defaultValues, catalogueIds, onSubmit, onSubmitInvalid }: ClientFormOptions) {
  return useAppForm({
    defaultValues,
    validators: {
      onSubmit: ({ value }) => {
        const result = validateClientForm(value, catalogueIds);
        if (result.ok) return undefined;
        return { fields: errorsByField(result.errors, value) as Partial<Record<DeepKeys<ClientFormValues>, string>> };
      },
    },
    onSubmitInvalid,
    onSubmit: ({ value }) => onSubmit(value),
  });
}

export type ClientForm = ReturnType<typeof useClientForm>;
