import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The sandbox is the executable statement of the API's rules: the form must agree with it on
// every input, or the admin is told "fine" and then refused (or refused for nothing).
import { uriProblem as serverUriProblem } from '../../../server/sandbox/oauth-clients/model';
import { hostOf, safeHttpsUrl, uriProblem, type UriKind } from './uri-rules';

const KINDS: UriKind[] = ['page', 'redirect', 'origin'];

const samples = [
  'https://app.example.com',
  'https://app.example.com/',
  'https://app.example.com/cb?x=1',
  'https://app.example.com/cb#x',
  'https://APP.example.com',
  'https://app.example.com:8443',
  'http://app.example.com/cb',
  'http://localhost:3000/cb',
  'http://localhost:3000',
  'http://127.0.0.1/cb',
  'http://[::1]:8080',
  'https://localhost',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,hi',
  'vbscript:msgbox',
  'file:///etc/passwd',
  'blob:https://x.example.com/1',
  'ftp://example.com',
  'mailto:a@example.com',
  '/relative',
  'example.com',
  'https://',
  'https:///path',
  'https://user:pw@app.example.com',
  'https://app.example.com/a b',
  'https://app.example.com/\ttab',
  `https://app.example.com/${'a'.repeat(2100)}`,
  'https://xn--bcher-kva.example',
  'https://bücher.example',
];

describe('uriProblem mirrors the API', () => {
  it.each(KINDS)('agrees with the sandbox on fixed samples (%s)', (kind) => {
    for (const value of samples) {
      expect({ value, refused: uriProblem(value, kind) !== null }).toEqual({ value, refused: serverUriProblem(value, kind) !== null });
    }
  });

  it('agrees with the sandbox on generated URLs', () => {
    const scheme = fc.constantFrom('https', 'http', 'javascript', 'data', 'ftp', 'HTTPS', '');
    const host = fc.constantFrom('app.example.com', 'localhost', '127.0.0.1', '[::1]', 'APP.Example.com', '', 'user@h.example.com');
    const port = fc.constantFrom('', ':443', ':8080');
    const path = fc.constantFrom('', '/', '/cb', '/cb?x=1', '#frag', '/a b', '/x/y#z');
    fc.assert(
      fc.property(scheme, host, port, path, fc.constantFrom(...KINDS), (s, h, p, rest, kind) => {
        const value = `${s}${s ? '://' : ''}${h}${p}${rest}`;
        expect(uriProblem(value, kind) !== null).toBe(serverUriProblem(value, kind) !== null);
      }),
      { numRuns: 500 },
    );
  });
});

describe('safeHttpsUrl', () => {
  it('lets through only https URLs', () => {
    expect(safeHttpsUrl('https://cdn.example.com/logo.png')).toBe('https://cdn.example.com/logo.png');
    expect(safeHttpsUrl('http://cdn.example.com/logo.png')).toBeNull();
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpsUrl('data:image/svg+xml,<svg/>')).toBeNull();
    expect(safeHttpsUrl('')).toBeNull();
    expect(safeHttpsUrl(undefined)).toBeNull();
  });
});

describe('hostOf', () => {
  it('gives the host to verify', () => {
    expect(hostOf('https://App.Example.com:8443/x')).toBe('app.example.com');
    expect(hostOf('not a url')).toBeNull();
    expect(hostOf(null)).toBeNull();
  });
});
