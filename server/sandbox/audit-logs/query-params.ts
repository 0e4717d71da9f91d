import type { Context } from 'hono';
import { z } from 'zod';
import { CfError, ErrorCode } from '../../http/envelope.ts';
import type { ColumnFilter } from './store.ts';

/** `2019-04-30` (UTC midnight) or an RFC 3339 timestamp, as both audit-log endpoints accept. */
const DATE = /^\d{4}-\d\d-\d\d$/;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

function badQuery(name: string, message: string): CfError {
  return new CfError(400, { code: ErrorCode.invalidQuery, message: `${name}: ${message}` });
}

/** Normalised to the stored form (toISOString), so the bounds compare as strings. */
export function dateParam(c: Context, name: string, required: boolean): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') {
    if (required) throw badQuery(name, 'is required (a date such as 2024-10-30 or an RFC 3339 timestamp)');
    return undefined;
  }
  const ms = DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : DATE_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw badQuery(name, 'must be a date such as 2024-10-30 or an RFC 3339 timestamp');
  return new Date(ms).toISOString();
}

export function directionOf(c: Context): 'asc' | 'desc' {
  const value = c.req.query('direction');
  if (value === undefined || value === '' || value === 'desc') return 'desc';
  if (value === 'asc') return 'asc';
  throw badQuery('direction', 'must be "asc" or "desc"');
}

export function intOf(c: Context, name: string, min: number, max: number, fallback: number): number {
  const value = c.req.query(name);
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw badQuery(name, `must be a whole number between ${min} and ${max}`);
  return n;
}

/** A filter written `name=a&name=b` (is one of) and `name.not=c` (is none of), as the v2 SDK sends them. */
export function columnFilter(c: Context, name: string): ColumnFilter | undefined {
  const values = (c.req.queries(name) ?? []).filter(Boolean);
  const not = (c.req.queries(`${name}.not`) ?? []).filter(Boolean);
  return values.length || not.length ? { in: values, not } : undefined;
}

export function onlyOne(c: Context, name: string): ColumnFilter | undefined {
  const value = c.req.query(name);
  return value ? { in: [value] } : undefined;
}

/** v2 cursors are opaque to clients; here they carry the last row's sequence number. */
export const cursorSchema = z.string().regex(/^[A-Za-z0-9_-]+$/);

export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

export function decodeCursor(c: Context): number | undefined {
  const value = c.req.query('cursor');
  if (!value) return undefined;
  const match = cursorSchema.safeParse(value).success ? /^seq:(\d+)$/.exec(Buffer.from(value, 'base64url').toString()) : null;
  if (!match) throw badQuery('cursor', 'is not a cursor this endpoint issued');
  return Number(match[1]);
}
