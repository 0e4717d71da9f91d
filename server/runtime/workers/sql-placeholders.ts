/**
 * better-sqlite3 binds `@name`, `:name` and `$name` from an object; a Durable Object's
 * `sql.exec()` binds only positional `?`. This rewrites a statement once, at prepare time, into
 * positional form plus the order of its placeholders, skipping quoted text and comments.
 */
export type Placeholder = { kind: 'positional' } | { kind: 'named'; name: string };

export interface PositionalSql {
  sql: string;
  placeholders: Placeholder[];
}

const NAME = /[A-Za-z0-9_]/;

export function toPositional(source: string): PositionalSql {
  let sql = '';
  const placeholders: Placeholder[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      let end = i + 1;
      // A doubled quote inside the literal is an escaped quote, not its end.
      while (end < source.length && !(source[end] === close && source[end + 1] !== close)) end += source[end] === close ? 2 : 1;
      sql += source.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '-' && next === '-') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      sql += source.slice(i, stop);
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      sql += source.slice(i, stop);
      i = stop;
    } else if (ch === '?') {
      if (next !== undefined && /[0-9]/.test(next)) throw new Error('numbered ?NNN parameters are not supported on Workers');
      placeholders.push({ kind: 'positional' });
      sql += '?';
      i++;
    } else if ((ch === '@' || ch === ':' || ch === '$') && next !== undefined && NAME.test(next)) {
      let end = i + 1;
      while (end < source.length && NAME.test(source[end]!)) end++;
      placeholders.push({ kind: 'named', name: source.slice(i + 1, end) });
      sql += '?';
      i = end;
    } else {
      sql += ch;
      i++;
    }
  }
  return { sql, placeholders };
}

function isNamedValues(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** The values for sql.exec(), in placeholder order, from the arguments a better-sqlite3 call takes. */
export function bindValues(statement: PositionalSql, args: unknown[]): unknown[] {
  const positional: unknown[] = [];
  let named: Record<string, unknown> | null = null;
  for (const arg of args) {
    if (Array.isArray(arg)) positional.push(...arg);
    else if (isNamedValues(arg)) named = { ...(named ?? {}), ...arg };
    else positional.push(arg);
  }
  let nextPositional = 0;
  const values = statement.placeholders.map((placeholder) => {
    if (placeholder.kind === 'positional') {
      if (nextPositional >= positional.length) throw new RangeError('Too few parameter values were provided');
      return positional[nextPositional++];
    }
    if (!named || !(placeholder.name in named)) throw new RangeError(`Missing named parameter "${placeholder.name}"`);
    return named[placeholder.name];
  });
  if (nextPositional < positional.length) throw new RangeError('Too many parameter values were provided');
  return values.map(checkValue);
}

function checkValue(value: unknown): unknown {
  // better-sqlite3 refuses these rather than storing something surprising; so does the adapter.
  if (value === undefined || typeof value === 'boolean' || typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`SQLite cannot bind a ${typeof value}`);
  }
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    throw new TypeError('SQLite can only bind numbers, strings, bigints, buffers, and null');
  }
  return value;
}
