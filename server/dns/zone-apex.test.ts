import { describe, expect, it } from 'vitest';
import { findZoneApex, providerFromNameservers } from './zone-apex.ts';

const zones = (...apexes: string[]) => {
  const asked: string[] = [];
  const isApex = async (name: string) => {
    asked.push(name);
    return apexes.includes(name);
  };
  return { isApex, asked };
};

describe('findZoneApex', () => {
  it('walks up from the name to the first name with its own SOA', async () => {
    const dns = zones('acme.com');
    expect(await findZoneApex('eu.acme.com', dns.isApex)).toBe('acme.com');
    expect(dns.asked).toEqual(['eu.acme.com', 'acme.com']);
  });

  it('a delegated subdomain is its own zone; the apex is its own zone', async () => {
    expect(await findZoneApex('eu.acme.com', zones('eu.acme.com', 'acme.com').isApex)).toBe('eu.acme.com');
    expect(await findZoneApex('acme.com', zones('acme.com').isApex)).toBe('acme.com');
  });

  it('never answers a bare TLD, and says when nothing is found', async () => {
    const dns = zones('com', 'uk');
    expect(await findZoneApex('a.b.example.com', dns.isApex)).toBeNull();
    expect(dns.asked).not.toContain('com');
  });
});

describe('providerFromNameservers', () => {
  it('names the well-known providers from their name servers', () => {
    expect(providerFromNameservers(['lara.ns.cloudflare.com', 'greg.ns.cloudflare.com'])).toBe('Cloudflare DNS');
    expect(providerFromNameservers(['ns51.domaincontrol.com.'])).toBe('GoDaddy');
    expect(providerFromNameservers(['dns1.registrar-servers.com'])).toBe('Namecheap');
    expect(providerFromNameservers(['ns-1234.awsdns-12.org'])).toBe('Amazon Route 53');
    expect(providerFromNameservers(['ns-cloud-a1.googledomains.com'])).toBe('Google Cloud DNS');
    expect(providerFromNameservers(['ns1-05.azure-dns.com'])).toBe('Azure DNS');
    expect(providerFromNameservers(['ns1.example.net'])).toBeNull();
  });
});
