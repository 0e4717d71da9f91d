import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodePunycode, domainToUnicode } from './idn';

describe('domainToUnicode', () => {
  it('decodes the xn-- labels of internationalised names', () => {
    expect(domainToUnicode('xn--bcher-kva.de')).toBe('bücher.de');
    expect(domainToUnicode('mail.xn--mnchen-3ya.example')).toBe('mail.münchen.example');
    expect(domainToUnicode('xn--fiqs8s.xn--fiqz9s')).toBe('中国.中國');
    expect(domainToUnicode('xn--e1afmkfd.xn--p1ai')).toBe('пример.рф');
  });

  it('leaves ASCII names and broken punycode as they are', () => {
    expect(domainToUnicode('acme.com')).toBe('acme.com');
    expect(domainToUnicode('xn--!!.com')).toBe('xn--!!.com');
    expect(decodePunycode('bcher-kva')).toBe('bücher');
  });

  it('inverts the URL parser’s encoding for any Unicode label', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zà-öø-ÿа-я]{1,12}$/), (label) => {
        const ascii = new URL(`http://${label}.example`).hostname;
        expect(domainToUnicode(ascii)).toBe(`${label.normalize('NFC')}.example`);
      }),
    );
  });
});
