import type { Context } from 'hono';
import { z } from 'zod';
import { CfError, ErrorCode, type CfMessage } from '../http/envelope.ts';

function pointerOf(path: PropertyKey[]): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function describe(path: PropertyKey[]): string {
  if (path.length === 0) return 'request body';
  return path.reduce<string>(
    (out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)),
    '',
  );
}

/** Turns zod issues into Cloudflare messages: one per issue, naming the field, with a JSON pointer. */
export function messagesFromIssues(issues: z.core.$ZodIssue[], code: number = ErrorCode.invalidField): CfMessage[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { code, message: `${describe(path)}: unknown field`, source: { pointer: pointerOf(path) } };
      });
    }
    return [{ code, message: `${describe(issue.path)}: ${issue.message}`, source: { pointer: pointerOf(issue.path) } }];
  });
}

/** Reads and validates a JSON body; malformed JSON and schema failures become 400s in the envelope. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw new CfError(400, { code: ErrorCode.malformedJson, message: 'Malformed JSON in request body' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CfError(400, messagesFromIssues(parsed.error.issues));
  return parsed.data;
}

/** Validates query parameters; their errors name the parameter (no JSON pointer: there is no body). */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new CfError(
      400,
      parsed.error.issues.map((issue) => ({
        code: ErrorCode.invalidQuery,
        message: `${issue.path.length ? String(issue.path[0]) : 'query'}: ${issue.message}`,
      })),
    );
  }
  return parsed.data;
}

/** An integer query parameter within bounds, e.g. page / per_page. */
export function intParam(min: number, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number between ${min} and ${max}` });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}, got ${n}` });
        return z.NEVER;
      }
      return n;
    });
}

export const idString = z.string().regex(/^[0-9a-f]{32}$/, 'must be a 32-character hex identifier');
