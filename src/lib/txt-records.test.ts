import { describe, expect, it } from 'vitest';
import { doubledName, hostLabel, interpretTxtRecords } from './txt-records';

const code = 'cloudflare_dashboard_sso=0123456789abcdef';

describe('interpretTxtRecords', () => {
  it('finds the exact code among other TXT records', () => {
    expect(interpretTxtRecords(['v=spf1 -all', code], code)).toEqual({ kind: 'found' });
  });

  it('counts only an exact match: literal quotes or spaces make a wrong value', () => {
    expect(interpretTxtRecords([`"${code}"`], code)).toEqual({ kind: 'wrong-value', values: [`"${code}"`] });
    expect(interpretTxtRecords([` ${code}`], code)).toEqual({ kind: 'wrong-value', values: [` ${code}`] });
  });

  it('reports a verification record with another value, for any name=value kind of code', () => {
    const other = 'cloudflare_dashboard_sso=ffff';
    expect(interpretTxtRecords(['v=spf1 -all', other], code)).toEqual({ kind: 'wrong-value', values: [other] });
    const oauth = 'cloudflare_oauth_client_verification=aaaa';
    expect(interpretTxtRecords(['cloudflare_oauth_client_verification=bbbb'], oauth)).toEqual({
      kind: 'wrong-value',
      values: ['cloudflare_oauth_client_verification=bbbb'],
    });
  });

  it('reports nothing published when no verification record is there', () => {
    expect(interpretTxtRecords([], code)).toEqual({ kind: 'missing' });
    expect(interpretTxtRecords(['v=spf1 -all', code.slice(code.indexOf('=') + 1)], code)).toEqual({ kind: 'missing' });
  });
});

describe('doubledName', () => {
  it('appends the zone the way a host field that appends the zone does', () => {
    expect(doubledName('example.com')).toBe('example.com.example.com');
    expect(doubledName('eu.acme.com', 'acme.com')).toBe('eu.acme.com.acme.com');
  });
});

describe('hostLabel', () => {
  it('is @ at the zone apex and the labels before the zone for a subdomain', () => {
    expect(hostLabel('acme.com', 'acme.com')).toBe('@');
    expect(hostLabel('eu.acme.com', 'acme.com')).toBe('eu');
    expect(hostLabel('mail.eu.acme.com.', 'ACME.com')).toBe('mail.eu');
  });

  it('is null for a name outside the zone (a look-alike suffix is not the zone)', () => {
    expect(hostLabel('eu.notacme.com', 'acme.com')).toBeNull();
    expect(hostLabel('acme.com', 'eu.acme.com')).toBeNull();
  });
});
