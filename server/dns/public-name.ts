/**
 * Whether a DNS name can be a public one: the live DNS pre-check resolves it with the server's
 * own resolver, which also knows the server's private names (metadata.google.internal, printer.lan,
 * a corporate zone). Those are refused before any lookup. No public-suffix list is needed: the
 * test is that the top-level label is a real kind of TLD and not one reserved for private use.
 */
const SPECIAL_USE_TLDS = new Set([
  // RFC 6761, 6762, 7686, 8375 and ICANN's private-use .internal (2024)
  'localhost', 'local', 'test', 'invalid', 'example', 'onion', 'arpa', 'internal', 'alt',
  // Common private suffixes that no registry delegates
  'lan', 'home', 'corp', 'intranet', 'private', 'localdomain',
]);

export function publicDnsNameProblem(name: string): string | null {
  const labels = name.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length < 2) return 'is not a public DNS name (it has no top-level domain)';
  const tld = labels[labels.length - 1]!;
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return 'is not a public DNS name (its top-level domain is not one)';
  if (SPECIAL_USE_TLDS.has(tld)) return `is not a public DNS name (.${tld} is for private or special use)`;
  return null;
}
