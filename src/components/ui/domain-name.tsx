import { domainToUnicode } from '@/lib/idn';

/**
 * A domain as people read it: bücher.de, with the ASCII form DNS and the API use (xn--bcher-kva.de)
 * beside it, since that is what the admin's DNS provider shows.
 */
export function DomainName({ domain }: { domain: string }) {
  const unicode = domainToUnicode(domain);
  if (unicode === domain) return <>{domain}</>;
  return (
    <>
      {unicode} <span className="muted mono">({domain})</span>
    </>
  );
}

/** The same, as plain text for titles and labels. */
export function domainLabel(domain: string): string {
  const unicode = domainToUnicode(domain);
  return unicode === domain ? domain : `${unicode} (${domain})`;
}
