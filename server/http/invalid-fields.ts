import type { Context } from 'hono';
import { ErrorCode, errorBody } from './envelope.ts';

/** A 400 naming each invalid field of a console request (zod issues), with its JSON pointer. */
export function invalidFields(c: Context, issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>) {
  const errors = issues.map((i) => ({ code: ErrorCode.invalidField, message: `${i.path.join('.') || 'body'}: ${i.message}`, source: { pointer: `/${i.path.join('/')}` } }));
  return c.json(errorBody(errors), 400);
}
