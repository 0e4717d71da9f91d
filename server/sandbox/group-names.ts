import { z } from 'zod';
import type { Db } from './db/open.ts';
import { CfError, ErrorCode } from '../http/envelope.ts';

/** Resource group and user group names are stored trimmed. */
export const RESOURCE_GROUP_NAME_MAX = 200;
export const USER_GROUP_NAME_MAX = 255;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A display name: trimmed, non-empty, bounded, single line. */
export function nameSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((name) => !CONTROL_CHARS.test(name), 'must not contain control characters (newlines, tabs…)');
}

/**
 * A query-string value that an empty parameter (`?direction=`) leaves unset, as if it were absent.
 */
export function optionalQuery<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

export const directionParam = optionalQuery(z.enum(['asc', 'desc']));

/**
 * Names are unique per account regardless of case. SQLite's NOCASE folds ASCII only, so a name
 * with other letters is compared in JS over the account's names.
 */
export function nameTaken(
  db: Db,
  table: 'user_groups' | 'resource_groups',
  accountId: string,
  name: string,
  exceptId?: string,
): boolean {
  const except = exceptId ?? '';
  if (/^[\x20-\x7e]*$/.test(name)) {
    return Boolean(
      db
        .prepare(`SELECT 1 FROM ${table} WHERE account_id = ? AND name = ? COLLATE NOCASE AND id <> ? LIMIT 1`)
        .get(accountId, name, except),
    );
  }
  const folded = name.toLocaleLowerCase('und');
  const rows = db.prepare(`SELECT id, name FROM ${table} WHERE account_id = ? AND id <> ?`).iterate(accountId, except);
  for (const row of rows as Iterable<{ id: string; name: string }>) {
    if (row.name.toLocaleLowerCase('und') === folded) return true;
  }
  return false;
}

export function duplicateName(what: string, name: string): CfError {
  return new CfError(400, {
    code: ErrorCode.duplicate,
    message: `name: a ${what} named "${name}" already exists in this account (names are case-insensitive)`,
    source: { pointer: '/name' },
  });
}
