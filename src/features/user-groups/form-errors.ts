import { isApiError } from '@/api/api-error';
import { retryAtText } from '@/components/ui/retry-countdown';

/**
 * The API's message for one field, without the field-name prefix the sandbox puts in front
 * ("name: a user group named … already exists") since the message sits under that field.
 */
export function fieldMessage(error: unknown, pointer: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const message = error.fieldErrors()[pointer];
  if (message === undefined) return undefined;
  const field = pointer.split('/').pop() ?? '';
  const own = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return own.charAt(0).toUpperCase() + own.slice(1);
}

/** Errors the form has no field for (other pointers, or none): for its banner. */
export function otherMessages(error: unknown, fieldPointers: readonly string[]): string[] {
  if (!error) return [];
  if (!isApiError(error)) return [error instanceof Error ? error.message : String(error)];
  const messages = error.errors.filter((e) => !e.pointer || !fieldPointers.includes(e.pointer)).map((e) => (e.code ? `${e.message} (code ${e.code})` : e.message));
  // A 429 says when to retry, wherever it is shown.
  const retry = retryAtText(error);
  return retry ? [...messages, retry] : messages;
}
