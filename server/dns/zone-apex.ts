/**
 * Which DNS zone a name lives in, and who hosts it: the host label an admin types at their DNS
 * provider is the name relative to that zone (eu.acme.com in acme.com → "eu", not "@").
 * Pure over a lookup function, so live DNS, the sandbox and tests answer the same question.
 */

/** Answers whether `name` is a zone apex (has its own SOA), or throws when DNS itself failed. */
export type IsZoneApex = (name: string) => Promise<boolean>;

/** The closest enclosing zone of `name` (itself included), or null when no parent answers. */
export async function findZoneApex(name: string, isApex: IsZoneApex): Promise<string | null> {
  const labels = name.split('.');
  // Never ask about a bare TLD: "com" has an SOA, but no admin's record lives in it.
  for (let i = 0; i <= labels.length - 2; i++) {
    const candidate = labels.slice(i).join('.');
    if (await isApex(candidate)) return candidate;
  }
  return null;
}

const PROVIDERS: Array<[RegExp, string]> = [
  [/\.ns\.cloudflare\.com$/, 'Cloudflare DNS'],
  [/\.domaincontrol\.com$/, 'GoDaddy'],
  [/\.registrar-servers\.com$/, 'Namecheap'],
  [/\.awsdns-\d+\.(com|net|org|co\.uk)$/, 'Amazon Route 53'],
  [/\.googledomains\.com$|^ns-cloud-[a-z]\d+\.googledomains\.com$/, 'Google Cloud DNS'],
  [/\.azure-dns\.(com|net|org|info)$/, 'Azure DNS'],
];

/** The provider behind a zone's name servers, when they are one of the well-known ones. */
export function providerFromNameservers(nameservers: readonly string[]): string | null {
  for (const ns of nameservers) {
    const host = ns.toLowerCase().replace(/\.$/, '');
    for (const [pattern, provider] of PROVIDERS) if (pattern.test(host)) return provider;
  }
  return null;
}
