import { describe, expect, it } from 'vitest';
import { validateEmailDomain } from './domain';

function ok(input: string) {
  const r = validateEmailDomain(input);
  if (!r.ok) throw new Error(`expected ${input} to be valid: ${r.message}`);
  return r;
}
function bad(input: string) {
  const r = validateEmailDomain(input);
  if (r.ok) throw new Error(`expected ${input} to be refused, got ${r.domain}`);
  return r;
}

describe('validateEmailDomain', () => {
  it('notes that an academic domain needs Cloudflare approval before SSO can be enabled (TODAY.md row 17)', () => {
    const r = ok('physics.example.edu');
    expect(r.domain).toBe('physics.example.edu');
    expect(r.notes).toEqual([expect.stringMatching(/^Academic domain: .*Cloudflare support must approve it before SSO can be enabled/)]);
  });

  it('accepts plain domains unchanged, without notes', () => {
    expect(ok('example.com')).toEqual({ ok: true, domain: 'example.com', notes: [] });
    expect(ok('mail.corp.example.co.uk').domain).toBe('mail.corp.example.co.uk');
    expect(ok('a-b.example').domain).toBe('a-b.example');
  });

  it('lower-cases, trims and drops a trailing dot, saying so', () => {
    const r = ok('  Example.COM. ');
    expect(r.domain).toBe('example.com');
    expect(r.notes).toEqual(['Will be saved as example.com.']);
  });

  it('converts internationalised names to punycode', () => {
    const r = ok('Bücher.de');
    expect(r.domain).toBe('xn--bcher-kva.de');
    expect(r.notes[0]).toMatch(/xn--bcher-kva\.de/);
    expect(ok('例え.テスト').domain).toBe('xn--r8jz45g.xn--zckzah');
    expect(ok('xn--bcher-kva.de')).toEqual({ ok: true, domain: 'xn--bcher-kva.de', notes: [] });
  });

  it('refuses a URL and suggests its host', () => {
    const r = bad('https://Example.com/login?x=1');
    expect(r.message).toMatch(/without https:\/\//);
    expect(r.suggestion).toBe('example.com');
  });

  it('refuses an email address and suggests its domain', () => {
    expect(bad('admin@example.com')).toMatchObject({ message: expect.stringMatching(/after the @/), suggestion: 'example.com' });
  });

  it('suggests the admin’s own spelling of an internationalised host', () => {
    expect(bad('https://Bücher.de/login').suggestion).toBe('bücher.de');
  });

  it('refuses paths and ports with a suggestion', () => {
    expect(bad('example.com/sso').suggestion).toBe('example.com');
    expect(bad('example.com:443').suggestion).toBe('example.com');
  });

  it('offers no suggestion when the extracted part is not acceptable either', () => {
    expect(bad('someone@gmail.com').suggestion).toBeUndefined();
    expect(bad('https:///path').suggestion).toBeUndefined();
  });

  it('marks errors that more typing can fix as incomplete', () => {
    expect(bad('')).toMatchObject({ incomplete: true });
    expect(bad('   ')).toMatchObject({ incomplete: true });
    expect(bad('example')).toMatchObject({ incomplete: true, message: expect.stringMatching(/at least one dot/) });
    expect(bad('exa mple.com').incomplete).toBeUndefined();
  });

  it('refuses a wildcard in words the admin recognises, suggesting the domain itself', () => {
    const r = bad('*.example.org');
    expect(r.message).toMatch(/wildcard/);
    expect(r.message).not.toMatch(/%2A/i);
    expect(r.suggestion).toBe('example.org');
    expect(bad('ex*ample.org').message).toMatch(/“\*” is not allowed/);
    expect(bad('exa$mple.org').message).toMatch(/“\$” is not allowed/);
  });

  it('refuses malformed names', () => {
    expect(bad('example..com').message).toMatch(/two dots/);
    expect(bad('.example.com').message).toMatch(/two dots|start with a dot/);
    expect(bad('-example.com').message).toMatch(/hyphen/);
    expect(bad('exa_mple.com').message).toMatch(/not allowed/);
    expect(bad(`${'a'.repeat(64)}.com`).message).toMatch(/63/);
    expect(bad(`${'a.'.repeat(127)}com`).message).toMatch(/253/);
    expect(bad('10.0.0.1').message).toMatch(/IP address|not a valid/);
  });

  it('refuses public email providers and their subdomains', () => {
    expect(bad('gmail.com').message).toMatch(/gmail\.com is a public email provider/);
    expect(bad('GMAIL.COM.').message).toMatch(/public email provider/);
    expect(bad('mail.yahoo.co.uk').message).toMatch(/yahoo\.co\.uk is a public email provider/);
    // A domain that merely ends in a provider's name is not the provider.
    expect(ok('notgmail.com').domain).toBe('notgmail.com');
  });
});
