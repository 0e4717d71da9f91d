import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeHttpsUrl, safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it.each(['https://example.com', 'https://example.com/a/b?c=d#e', 'http://localhost:8080/cb', 'HTTPS://Example.COM/x', 'https://[::1]:8443/'])(
    'keeps %s',
    (url) => {
      expect(safeHttpUrl(url)).toBe(url);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    '//evil.example/x',
    '/relative/path',
    'https:evil.example',
    'https:/evil.example',
    'https:///evil.example',
    'https://user:pass@example.com/',
    'https://example.com@evil.example/',
    'https://exa mple.com',
    'https://example.com/\nx',
    'https://',
    'https:\\\\evil.example',
    'ftp://example.com/file',
    '',
    'https://' + 'a'.repeat(2050) + '.com',
  ])('refuses %j', (url) => {
    expect(safeHttpUrl(url)).toBeNull();
  });

  it.each([null, undefined, 42, {}, ['https://example.com']])('refuses a non-string %j', (value) => {
    expect(safeHttpUrl(value)).toBeNull();
  });

  it('safeHttpsUrl is https only (images must not be mixed content)', () => {
    expect(safeHttpsUrl('https://cdn.example.com/logo.png')).toBe('https://cdn.example.com/logo.png');
    expect(safeHttpsUrl('http://cdn.example.com/logo.png')).toBeNull();
    expect(safeHttpUrl('http://cdn.example.com/logo.png')).toBe('http://cdn.example.com/logo.png');
  });
});

/** Every .tsx file under src/. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.test.tsx') && name !== 'routeTree.gen.ts' ? [path] : [];
  });
}

describe('untrusted data in the views', () => {
  const root = new URL('..', import.meta.url).pathname;
  const files = sources(root).map((path) => ({ path: path.slice(root.length), text: readFileSync(path, 'utf8') }));

  it('reads the sources (the audit below is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('never injects HTML', () => {
    const hits = files.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(f.text));
    expect(hits.map((f) => f.path)).toEqual([]);
  });

  it('builds no href/src straight from data: a computed one must come from safeHttpUrl/safeHttpsUrl', () => {
    // `href={x.y}` / `src={a?.b}` — a property read right in the attribute is data that skipped the check.
    const offenders = files.flatMap((f) =>
      [...f.text.matchAll(/\b(href|src|srcSet|poster)=\{([^}\n]*)\}/g)]
        .filter(([, , expr]) => /[.[]/.test(expr!) && !/safeHttps?Url\(/.test(expr!))
        .map(([match]) => `${f.path}: ${match}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the audit itself catches the patterns it is for', () => {
    const sample = '<a href={client.client_uri}>x</a><img src={logo?.url} /><a href={safeHttpUrl(c.uri)!}>ok</a>';
    const found = [...sample.matchAll(/\b(href|src|srcSet|poster)=\{([^}\n]*)\}/g)].filter(
      ([, , expr]) => /[.[]/.test(expr!) && !/safeHttps?Url\(/.test(expr!),
    );
    expect(found.map((m) => m[0])).toEqual(['href={client.client_uri}', 'src={logo?.url}']);
  });
});
