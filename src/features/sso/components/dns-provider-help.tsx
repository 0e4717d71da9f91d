/** Where the apex of the zone goes in each provider's form: the field that causes doubled names. */
const providers = [
  { name: 'Cloudflare DNS', host: 'Name: @ (or the full domain; Cloudflare does not add the zone twice).' },
  { name: 'GoDaddy', host: 'Host: @' },
  { name: 'Namecheap', host: 'Host: @ (Advanced DNS → Add new record → TXT Record).' },
  { name: 'Amazon Route 53', host: 'Record name: leave empty; the zone is already shown after the field.' },
  { name: 'Google Cloud DNS', host: 'DNS name: leave empty; the zone is already shown after the field.' },
  { name: 'Azure DNS', host: 'Name: @' },
];

/**
 * Short, provider-specific help. The recurring mistake (USER-PAINS): typing the full domain into a
 * host field that appends the zone, which publishes the record at example.com.example.com.
 */
export function DnsProviderHelp({ domain }: { domain: string }) {
  return (
    <div className="sso-provider-help">
      <div className="banner banner-warning sso-callout">
        <strong>Do not type {domain} into a “host” or “name” field that adds the zone</strong>
        <p>
          Most DNS providers append your zone to what you type, so <span className="mono">{domain}</span> becomes{' '}
          <span className="mono">
            {domain}.{domain}
          </span>
          , where Cloudflare never looks. For the domain itself enter <span className="mono">@</span> or leave the field
          empty. For a subdomain inside a larger zone, enter only the part before the zone (for{' '}
          <span className="mono">mail.example.com</span> in the zone <span className="mono">example.com</span>, enter{' '}
          <span className="mono">mail</span>).
        </p>
      </div>
      <details className="sso-details">
        <summary>Instructions for common DNS providers</summary>
        <ul>
          {providers.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>: add a TXT record. {p.host} Paste the value exactly, without adding quotes.
            </li>
          ))}
          <li>
            <strong>Anywhere else</strong>: add a TXT record for the domain itself (often called the “root”, “apex” or “@”)
            with the value above.
          </li>
        </ul>
      </details>
    </div>
  );
}
