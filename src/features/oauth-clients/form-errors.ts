import type { ClientFormValues } from './schemas';

/** Lists whose rows are fields of their own (an input, or a scope's chip). */
const ROW_LISTS = new Set(['redirect_uris', 'post_logout_redirect_uris', 'allowed_cors_origins', 'scopes']);
/** Fields with one control for the whole list (checkboxes, a radio group): a row's error is the list's. */
const WHOLE_FIELDS = new Set(['client_name', 'client_uri', 'logo_uri', 'policy_uri', 'tos_uri', 'token_endpoint_auth_method', 'grant_types', 'response_types', 'optional_scopes']);

/**
 * The form field an error's JSON pointer (the API's, or the form's own zod check's) belongs to:
 * `/redirect_uris/2` → `redirect_uris[2]`, `/grant_types/1` → `grant_types`, an optional scope's
 * problem → that scope's chip. Null: no field of this form shows it (the banner does).
 */
export function fieldForPointer(pointer: string, values: Pick<ClientFormValues, 'scopes' | 'optional_scopes'>): string | null {
  const match = /^\/([a-z_]+)(?:\/(\d+))?$/.exec(pointer);
  if (!match) return null;
  const [, key = '', row] = match;
  if (row !== undefined && ROW_LISTS.has(key)) return `${key}[${row}]`;
  if (row !== undefined && key === 'optional_scopes') {
    const chip = values.scopes.indexOf(values.optional_scopes[Number(row)] ?? '');
    return chip >= 0 ? `scopes[${chip}]` : 'optional_scopes';
  }
  return ROW_LISTS.has(key) || WHOLE_FIELDS.has(key) ? key : null;
}

/** Errors keyed by pointer (what validateClientForm gives) as errors keyed by form field. */
export function errorsByField(errors: Record<string, string>, values: Pick<ClientFormValues, 'scopes' | 'optional_scopes'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pointer, message] of Object.entries(errors)) {
    const field = fieldForPointer(pointer, values);
    if (field) out[field] ??= message;
  }
  return out;
}
