import type { AnyFormApi } from '@tanstack/react-form';
import { ApiError, isApiError } from '@/api/api-error';
import { retryAtText } from '@/components/ui/retry-countdown';

/** Errors a failed write leaves: per JSON pointer for the form's fields, the rest for its banner. */
export interface PlacedApiErrors {
  fields: Record<string, string>;
  banner: string[];
}

/**
 * The API's message for one field, without the field-path prefix the API puts in front
 * ("name: a user group named … already exists", "redirect_uris[2]: …"), since the message sits
 * under that field. A sentence gets its capital; a message that starts with a name the admin
 * typed ("gmail.com is a public email provider") keeps it as written.
 */
export function fieldMessage(message: string): string {
  const own = message.replace(/^[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)*: /, '');
  return /^[a-z][a-z'-]*\s/.test(own) ? own.charAt(0).toUpperCase() + own.slice(1) : own;
}

/** The API's message as it came, for forms that show it so (the field path is part of it). */
export const asWritten = (message: string) => message;

/**
 * Splits a failed write (the Cloudflare envelope's errors, or any other failure) into messages
 * for the fields the form has (`owns` says which pointers those are; the first message per
 * pointer wins, worded by `message`) and the rest, with their code, for the banner.
 */
export function placeApiErrors(error: unknown, owns: (pointer: string) => boolean, message: (text: string) => string = fieldMessage): PlacedApiErrors {
  if (!error) return { fields: {}, banner: [] };
  if (!isApiError(error)) return { fields: {}, banner: [error instanceof Error ? error.message : String(error)] };
  const fields: Record<string, string> = {};
  const banner: string[] = [];
  for (const e of error.errors) {
    if (e.pointer && owns(e.pointer)) fields[e.pointer] ??= message(e.message);
    else banner.push(e.code ? `${e.message} (code ${e.code})` : e.message);
  }
  return { fields, banner };
}

/** The banner's lines for a failed write: the errors no field shows, and when a 429 lets it go again. */
export function bannerMessages(error: unknown, owns: (pointer: string) => boolean): string[] {
  const { banner } = placeApiErrors(error, owns);
  const retry = retryAtText(error);
  return retry ? [...banner, retry] : banner;
}

/**
 * The part of a failed write no field shows, still an ApiError (for `ErrorBanner`: its code,
 * 403 advice and 429 countdown); null when every error sits at a field.
 */
export function unplacedApiError(error: unknown, owns: (pointer: string) => boolean): unknown {
  if (!isApiError(error)) return error ?? null;
  const rest = error.errors.filter((e) => !e.pointer || !owns(e.pointer));
  if (rest.length === error.errors.length) return error;
  if (rest.length === 0) return null;
  return new ApiError({ status: error.status, kind: error.kind, errors: rest, retryAfter: error.retryAfter, request: error.request ?? undefined });
}

/** Pointers of these top-level fields only ('/name'), not their insides. */
export const ownsFields =
  (names: readonly string[]) =>
  (pointer: string): boolean =>
    names.some((name) => pointer === `/${name}`);


/**
 * Shows each error beside its field, the way a failed submit check would (errorMap.onSubmit): the
 * form's first-invalid focus finds it, and TanStack Form drops it as soon as that field changes,
 * since the API's verdict was about the old value. `undefined` clears a field's earlier error.
 */
export function setFieldErrors(form: Pick<AnyFormApi, 'setFieldMeta'>, errors: Record<string, unknown>): void {
  for (const [field, error] of Object.entries(errors)) {
    // A field not mounted yet has no meta: it gets one with just this error.
    form.setFieldMeta(field, (meta) => ({ ...meta, errorMap: { ...(meta as typeof meta | undefined)?.errorMap, onSubmit: error } }));
  }
}

/**
 * A failed write on a form whose fields are named as the API's body is: each pointer of `fields`
 * goes beside its field (`/name` → `name`), every other error is returned for the banner.
 */
export function applyApiErrors(form: Pick<AnyFormApi, 'setFieldMeta'>, error: unknown, fields: readonly string[]): string[] {
  const placed = placeApiErrors(error, ownsFields(fields));
  setFieldErrors(form, Object.fromEntries(fields.map((name) => [name, placed.fields[`/${name}`]])));
  return placed.banner;
}

/**
 * The same for a form whose fields are not one per pointer (list rows, several pointers on one
 * control): `fieldFor` names the form field a pointer belongs to (`/redirect_uris/2` →
 * `redirect_uris[2]`), or null for the banner.
 */
export function applyApiErrorsBy(
  form: Pick<AnyFormApi, 'setFieldMeta'>,
  error: unknown,
  fieldFor: (pointer: string) => string | null,
  message: (text: string) => string = fieldMessage,
): string[] {
  const placed = placeApiErrors(error, (pointer) => fieldFor(pointer) !== null, message);
  const errors: Record<string, string> = {};
  for (const [pointer, message] of Object.entries(placed.fields)) errors[fieldFor(pointer)!] ??= message;
  setFieldErrors(form, errors);
  return placed.banner;
}


/** A field's first error as text: TanStack Form keeps a validator's return (a string) or Standard Schema issues. */
export function errorText(errors: readonly unknown[]): string | undefined {
  for (const error of errors.flat()) {
    if (typeof error === 'string' && error) return error;
    if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  }
  return undefined;
}

/** Which of a field's errors speaks first: the check of the value as it is now, then the save's verdict. */
const ERROR_ORDER = ['onChange', 'onBlur', 'onDynamic', 'onSubmit', 'onServer', 'onMount'] as const;

/** The one message a field shows, from its TanStack Form meta (undefined: no problem, or no meta yet). */
export function fieldErrorText(meta: { errorMap?: Partial<Record<string, unknown>> } | undefined): string | undefined {
  const map = meta?.errorMap ?? {};
  return errorText(ERROR_ORDER.map((key) => map[key]));
}
