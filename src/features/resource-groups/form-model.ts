import { asWritten, placeApiErrors } from '@/components/form/api-errors';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import {
  draftToScope,
  hasScopeErrors,
  sameScope,
  scopeErrorsFromApi,
  scopeToDraft,
  validateScopeDraft,
  type ScopeDraft,
  type ScopeErrors,
} from '@/components/scope-builder/scope-draft';
import type { ResourceGroupBody } from './api';

export interface FormValues {
  name: string;
  scope: ScopeDraft;
}

export interface FormErrors {
  name?: string;
  scope?: ScopeErrors;
}

export function initialValues(group: ResourceGroup | null, accountId: string): FormValues {
  return { name: group?.name ?? '', scope: scopeToDraft(group?.scope[0], accountId) };
}

/** Problems the form can see without asking the API; the API has the last word on the rest. */
export function validateForm(values: FormValues, accountId: string): FormErrors {
  const scope = validateScopeDraft(values.scope, accountId, { complete: true });
  return {
    name: values.name.trim() === '' ? 'Enter a name, e.g. "Production zones"' : undefined,
    scope: hasScopeErrors(scope) ? scope : undefined,
  };
}

export function hasFormErrors(errors: FormErrors): boolean {
  return Boolean(errors.name || errors.scope);
}

export function createBody(values: FormValues): Required<ResourceGroupBody> {
  return { name: values.name.trim(), scope: draftToScope(values.scope) };
}

/**
 * An edit sends only what changed, so a colleague's concurrent change to the other field is not
 * overwritten with what this form loaded. Null: the edit changes nothing.
 */
export function updateBody(values: FormValues, original: ResourceGroup): ResourceGroupBody | null {
  const { name, scope } = createBody(values);
  const body: ResourceGroupBody = {};
  if (name !== (original.name ?? '')) body.name = name;
  const before = original.scope[0];
  if (!before || !sameScope(scope, before)) body.scope = scope;
  return Object.keys(body).length ? body : null;
}

/** The API's pointers this form shows at a field: the name, and anything in the scope. */
export const ownsField = (pointer: string) => pointer === '/name' || pointer === '/scope' || pointer.startsWith('/scope/');

/** Puts each API error next to its field (by JSON pointer), worded as the API wrote it; the banner shows the rest. */
export function errorsFromApi(error: unknown, scope: ScopeDraft): FormErrors {
  const { fields } = placeApiErrors(error, ownsField, asWritten);
  return { name: fields['/name'], scope: scopeErrorsFromApi(fields, '/scope', scope) ?? undefined };
}
