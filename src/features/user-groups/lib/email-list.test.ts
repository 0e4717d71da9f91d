import { describe, expect, it } from 'vitest';
import { emailProblem, parseEmailList, validEmails } from './email-list';

describe('parseEmailList', () => {
  it('splits on commas, semicolons, whitespace and newlines', () => {
    const list = parseEmailList('a@acme.com, b@acme.com;c@acme.com\nd@acme.com\te@acme.com  f@acme.com\r\ng@acme.com');
    expect(validEmails(list)).toEqual(['a@acme.com', 'b@acme.com', 'c@acme.com', 'd@acme.com', 'e@acme.com', 'f@acme.com', 'g@acme.com']);
    expect(list.entries.every((e) => e.kind === 'valid')).toBe(true);
  });

  it('takes the address out of "Name <address>" as mail clients copy it', () => {
    const list = parseEmailList('Ana Silva <ana.silva@acme.com>, "Bo, Li" <bo.li@acme.com>; carl@acme.com');
    // "Bo, Li" splits at its comma: the quoted name halves are words, not addresses.
    expect(validEmails(list)).toEqual(['ana.silva@acme.com', 'bo.li@acme.com', 'carl@acme.com']);
  });

  it('strips mailto:, quotes, brackets and a trailing full stop', () => {
    const list = parseEmailList('mailto:ana@acme.com "bo@acme.com" (cy@acme.com) dee@acme.com.');
    expect(validEmails(list)).toEqual(['ana@acme.com', 'bo@acme.com', 'cy@acme.com', 'dee@acme.com']);
  });

  it('keeps the first of case-insensitive repeats and reports them', () => {
    const list = parseEmailList('Ana@Acme.com\nana@acme.com\nbo@acme.com\nANA@ACME.COM');
    expect(validEmails(list)).toEqual(['ana@acme.com', 'bo@acme.com']);
    expect(list.repeated).toEqual(['ana@acme.com']);
    expect(list.entries[0]).toMatchObject({ kind: 'valid', input: 'Ana@Acme.com' });
  });

  it('reports what is not an address, with the reason, in paste order', () => {
    const list = parseEmailList('ana@acme.com, not-an-email, bo@, @acme.com, cy@acme, dee@-acme.com');
    expect(list.entries.map((e) => (e.kind === 'valid' ? e.email : `${e.input}: ${e.reason}`))).toEqual([
      'ana@acme.com',
      'not-an-email: not an email address',
      'bo@: not an email address',
      '@acme.com: not an email address',
      'cy@acme: the domain is not valid',
      'dee@-acme.com: the domain is not valid',
    ]);
  });

  it('ignores empty input and blank separators', () => {
    expect(parseEmailList('').entries).toEqual([]);
    expect(parseEmailList(' ,, ;\n\n ').entries).toEqual([]);
  });
});

describe('emailProblem', () => {
  it('accepts ordinary and international addresses', () => {
    for (const ok of ['a@b.co', 'first.last+tag@sub.example.org', 'jose@exämple.com', "o'brien@acme.ie"]) {
      expect(emailProblem(ok), ok).toBeNull();
    }
  });

  it('refuses addresses the API could never hold', () => {
    expect(emailProblem(`${'a'.repeat(80)}@example.com`)).toBe('longer than 90 characters');
    for (const bad of ['a@@b.com', 'a b@c.com', '.a@b.com', 'a.@b.com', 'a..b@c.com', 'a@b..com', 'a@b.c-']) {
      expect(emailProblem(bad), bad).not.toBeNull();
    }
  });
});
