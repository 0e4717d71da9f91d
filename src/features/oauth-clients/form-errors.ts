import { isApiError } from '@/api/api-error';
import { messageForField } from './schemas';

/** Errors keyed by JSON pointer (/redirect_uris/2): the form's own and the API's share one map. */
export type FormErrors = Record<string, string>;

export type ListChange = { type: 'edit'; index: number } | { type: 'remove'; index: number } | { type: 'add' };

/**
 * Keeps a list's errors on the rows they belong to: an edited row's error goes (it is stale), a
 * removed row's error goes and the rows after it move up one, and the list-level error (e.g.
 * "add at least one") goes with any change.
 */
export function errorsAfterListChange(errors: FormErrors, list: string, change: ListChange): FormErrors {
  const base = `/${list}`;
  const out: FormErrors = {};
  for (const [pointer, message] of Object.entries(errors)) {
    if (pointer === base) continue;
    const match = pointer.startsWith(`${base}/`) ? /^(\d+)(\/.*)?$/.exec(pointer.slice(base.length + 1)) : null;
    if (!match) {
      out[pointer] = message;
      continue;
    }
    const index = Number(match[1]);
    const rest = match[2] ?? '';
    if (change.type === 'edit' && index === change.index) continue;
    if (change.type === 'remove') {
      if (index === change.index) continue;
      out[index > change.index ? `${base}/${index - 1}${rest}` : pointer] = message;
      continue;
    }
    out[pointer] = message;
  }
  return out;
}

/** Drops the errors at `pointer` and below it. */
export function withoutErrors(errors: FormErrors, pointer: string): FormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([p]) => p !== pointer && !p.startsWith(`${pointer}/`)));
}

/** Pointers the form renders next to a control; the API's other errors go to the banner. */
const FIELD_POINTER =
  /^\/(client_name|client_uri|logo_uri|policy_uri|tos_uri|token_endpoint_auth_method|grant_types|response_types|scopes|optional_scopes|redirect_uris|post_logout_redirect_uris|allowed_cors_origins)(\/\d+)?$/;

/**
 * Splits an API failure into messages for fields (by pointer, prefix stripped) and the rest.
 * A list-item pointer beyond a short list still counts: the list shows it as its own error.
 */
export function splitApiError(error: unknown): { fields: FormErrors; general: string[] } {
  if (!isApiError(error)) return { fields: {}, general: [error instanceof Error ? error.message : String(error)] };
  const fields: FormErrors = {};
  const general: string[] = [];
  for (const e of error.errors) {
    if (e.pointer && FIELD_POINTER.test(e.pointer)) fields[e.pointer] ??= messageForField(e.message);
    else general.push(e.code ? `${e.message} (code ${e.code})` : e.message);
  }
  return { fields, general };
}
