import type { ApiError, ApiErrorDetail } from '@/api/api-error';
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
  /** Errors that name no field of this form: shown in the banner. */
  other: ApiErrorDetail[];
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
    other: [],
  };
}

export function hasFormErrors(errors: FormErrors): boolean {
  return Boolean(errors.name || errors.scope || errors.other.length);
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

/** Puts each API error next to its field (by JSON pointer); the rest go to the banner. */
export function errorsFromApi(error: ApiError, scope: ScopeDraft): FormErrors {
  const fields = error.fieldErrors();
  const out: FormErrors = { other: error.generalErrors() };
  if (fields['/name']) out.name = fields['/name'];
  out.scope = scopeErrorsFromApi(fields, '/scope', scope) ?? undefined;
  for (const e of error.errors) {
    if (!e.pointer || e.pointer === '/name' || e.pointer === '/scope' || e.pointer.startsWith('/scope/')) continue;
    out.other.push(e);
  }
  return out;
}
