/**
 * A parser for the HCL native syntax this console exports and the files people keep next to it:
 * blocks with labels, attributes, strings (escapes, no templates), numbers, booleans, null,
 * tuples, objects and references (`cloudflare_user_group.ops.id`); `#`, `//` and `/* *\/`
 * comments. A tokenizer and a recursive-descent parser, not pattern matching, so nesting,
 * strings holding `}` or `#`, and comments anywhere read as Terraform reads them. Anything else
 * (templates `${…}`, heredocs, function calls, operators) is a syntax error naming its line and
 * column, never a silent misreading. No HCL package is installed in this project (checked
 * node_modules), and adding one was out of scope.
 */

export type HclValue = string | number | boolean | null | HclValue[] | HclObject | HclReference;
export interface HclObject {
  [key: string]: HclValue;
}
/** A traversal such as `cloudflare_user_group.ops.id`, kept as its dotted path. */
export interface HclReference {
  $ref: string;
}

export interface HclAttribute {
  value: HclValue;
  line: number;
}
export interface HclBody {
  attributes: Record<string, HclAttribute>;
  blocks: HclBlock[];
}
export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  line: number;
}

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Line ${line}, column ${column}: ${message}`);
    this.name = 'HclSyntaxError';
  }
}

type TokenKind = 'ident' | 'string' | 'number' | '{' | '}' | '[' | ']' | '=' | ':' | ',' | '.' | 'newline' | 'eof';
interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  column: number;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (message: string, at = i): never => {
    throw new HclSyntaxError(message, line, at - lineStart + 1);
  };
  const push = (kind: TokenKind, text: string, start: number) => tokens.push({ kind, text, line, column: start - lineStart + 1 });
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      push('newline', '\n', i);
      i++;
      line++;
      lineStart = i;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
      i++;
    } else if (c === '#' || (c === '/' && source[i + 1] === '/')) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) fail('a /* comment is never closed');
      for (let j = i; j < end; j++) {
        if (source[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      }
      i = end + 2;
    } else if (c === '"') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        const d = source[i];
        if (d === undefined || d === '\n') fail('a string is not closed on its line', start);
        if (d === '"') break;
        if (d === '\\') {
          const e = source[i + 1]!;
          if (e === 'u' || e === 'U') {
            const len = e === 'u' ? 4 : 8;
            const hex = source.slice(i + 2, i + 2 + len);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail(`\\${e} needs ${len} hex digits`);
            value += String.fromCodePoint(parseInt(hex, 16));
            i += 2 + len;
            continue;
          }
          if (!(e in ESCAPES)) fail(`unknown escape \\${e}`);
          value += ESCAPES[e];
          i += 2;
          continue;
        }
        if ((d === '$' || d === '%') && source[i + 1] === d && source[i + 2] === '{') {
          value += `${d}{`;
          i += 3;
          continue;
        }
        if ((d === '$' || d === '%') && source[i + 1] === '{') fail('templates (${…} and %{…}) are not supported in a baseline');
        value += d;
        i++;
      }
      i++;
      tokens.push({ kind: 'string', text: value, line, column: start - lineStart + 1 });
    } else if (c === '<' && source[i + 1] === '<') {
      fail('heredoc strings are not supported in a baseline');
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const start = i;
      i++;
      while (i < source.length && /[0-9.eE+-]/.test(source[i]!)) i++;
      const text = source.slice(start, i);
      if (Number.isNaN(Number(text))) fail(`${text} is not a number`, start);
      push('number', text, start);
    } else if (IDENT_START.test(c)) {
      const start = i;
      while (i < source.length && IDENT_PART.test(source[i]!)) i++;
      push('ident', source.slice(start, i), start);
    } else if ('{}[]=:,.'.includes(c)) {
      if (c === '=' && source[i + 1] === '=') fail('operators are not supported in a baseline');
      push(c as TokenKind, c, i);
      i++;
    } else if (c === '(') {
      fail('function calls and parentheses are not supported in a baseline');
    } else {
      fail(`unexpected character ${JSON.stringify(c)}`);
    }
  }
  push('eof', '', i);
  return tokens;
}

export function parseHcl(source: string): HclBody {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at]!;
  const next = () => tokens[at++]!;
  const fail = (token: Token, message: string): never => {
    throw new HclSyntaxError(message, token.line, token.column);
  };
  const describe = (t: Token) => (t.kind === 'eof' ? 'the end of the file' : t.kind === 'newline' ? 'a line break' : t.kind === 'string' ? `the string "${t.text}"` : `“${t.text}”`);
  const expect = (kind: TokenKind, what: string) => {
    const t = next();
    if (t.kind !== kind) fail(t, `expected ${what}, found ${describe(t)}`);
    return t;
  };
  const skipNewlines = () => {
    while (peek().kind === 'newline') at++;
  };

  function value(): HclValue {
    const t = next();
    switch (t.kind) {
      case 'string':
        return t.text;
      case 'number':
        return Number(t.text);
      case '[':
        return tuple();
      case '{':
        return object();
      case 'ident': {
        if (t.text === 'true') return true;
        if (t.text === 'false') return false;
        if (t.text === 'null') return null;
        let path = t.text;
        for (;;) {
          if (peek().kind === '.') {
            at++;
            path += `.${expect('ident', 'an attribute name after “.”').text}`;
          } else if (peek().kind === '[' && tokens[at + 1]?.kind === 'number') {
            at++;
            path += `[${next().text}]`;
            expect(']', '“]”');
          } else break;
        }
        return { $ref: path };
      }
      default:
        return fail(t, `expected a value, found ${describe(t)}`);
    }
  }

  function tuple(): HclValue[] {
    const items: HclValue[] = [];
    skipNewlines();
    while (peek().kind !== ']') {
      items.push(value());
      skipNewlines();
      if (peek().kind === ',') {
        at++;
        skipNewlines();
      } else if (peek().kind !== ']') fail(peek(), `expected “,” or “]”, found ${describe(peek())}`);
    }
    at++;
    return items;
  }

  function object(): HclObject {
    const out: HclObject = {};
    skipNewlines();
    while (peek().kind !== '}') {
      const key = next();
      if (key.kind !== 'ident' && key.kind !== 'string') fail(key, `expected a key, found ${describe(key)}`);
      const sep = next();
      if (sep.kind !== '=' && sep.kind !== ':') fail(sep, `expected “=” after ${key.text}, found ${describe(sep)}`);
      if (Object.hasOwn(out, key.text)) fail(key, `the key ${key.text} is given twice`);
      out[key.text] = value();
      const after = peek();
      if (after.kind === ',' || after.kind === 'newline') {
        at++;
        skipNewlines();
      } else if (after.kind !== '}') fail(after, `expected “,”, a line break or “}”, found ${describe(after)}`);
    }
    at++;
    return out;
  }

  function body(closing: '}' | 'eof'): HclBody {
    const out: HclBody = { attributes: {}, blocks: [] };
    for (;;) {
      skipNewlines();
      const t = peek();
      if (t.kind === closing) {
        at++;
        return out;
      }
      const name = next();
      if (name.kind !== 'ident') fail(name, closing === 'eof' ? `expected a block or an attribute, found ${describe(name)}` : `expected an attribute or “}”, found ${describe(name)}`);
      if (peek().kind === '=') {
        at++;
        if (Object.hasOwn(out.attributes, name.text)) fail(name, `the attribute ${name.text} is set twice`);
        out.attributes[name.text] = { value: value(), line: name.line };
      } else {
        const labels: string[] = [];
        while (peek().kind === 'string' || peek().kind === 'ident') labels.push(next().text);
        expect('{', `“=” or “{” after ${name.text}`);
        out.blocks.push({ type: name.text, labels, body: body('}'), line: name.line });
      }
      const end = peek();
      if (end.kind !== 'newline' && end.kind !== closing) fail(end, `expected a line break, found ${describe(end)}`);
    }
  }

  return body('eof');
}
