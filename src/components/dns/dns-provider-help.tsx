import { useId } from 'react';
import type { DnsZone } from './use-dns-zone';

/** Where each provider's form takes the host: the field that causes doubled names. */
function providerLines(label: string): Array<{ name: string; host: string }> {
  const apex = label === '@';
  const typed = <T,>(atApex: T, below: T) => (apex ? atApex : below);
  return [
    { name: 'Cloudflare DNS', host: typed('Name: @ (or the full domain; Cloudflare does not add the zone twice).', `Name: ${label} (or the full name; Cloudflare does not add the zone twice).`) },
    { name: 'GoDaddy', host: `Host: ${label}` },
    { name: 'Namecheap', host: `Host: ${label} (Advanced DNS → Add new record → TXT Record).` },
    { name: 'Amazon Route 53', host: typed('Record name: leave empty; the zone is already shown after the field.', `Record name: ${label}; the zone is already shown after the field.`) },
    { name: 'Google Cloud DNS', host: typed('DNS name: leave empty; the zone is already shown after the field.', `DNS name: ${label}; the zone is already shown after the field.`) },
    { name: 'Azure DNS', host: `Name: ${label}` },
  ];
}

/**
 * Provider-specific help with the host label relative to the zone the record goes in: "@" at the
 * apex, "eu" for eu.acme.com in acme.com. The recurring mistake (USER-PAINS) is typing the full
 * name into a host field that appends the zone, which publishes the record at name.zone.
 */
export function DnsProviderHelp({ dns }: { dns: DnsZone }) {
  const id = useId();
  const { name, zone, label, provider } = dns;
  const shown = label ?? '@';
  const lines = providerLines(shown);
  const known = lines.find((l) => l.name === provider);
  return (
    <div className="sso-provider-help">
      <div className="field">
        <label htmlFor={`${id}-zone`}>DNS zone (the domain your provider manages)</label>
        <input
          id={`${id}-zone`}
          className="input mono"
          spellCheck={false}
          autoComplete="off"
          value={dns.typed ?? zone}
          aria-describedby={`${id}-zone-hint`}
          aria-invalid={label === null}
          onChange={(e) => dns.setZone(e.target.value)}
        />
        <p id={`${id}-zone-hint`} className={label === null ? 'field-error' : 'field-hint'}>
          {label === null
            ? `${name} is not inside ${zone}: enter the zone that contains it (e.g. ${name.split('.').slice(-2).join('.')}).`
            : dns.isDetecting
              ? 'Looking up the zone…'
              : dns.detectedZone && dns.typed === null
                ? `Detected from DNS${provider ? `: hosted by ${provider}` : ''}. Change it if your provider manages a different zone.`
                : 'The zone your DNS provider shows for this domain.'}
        </p>
      </div>
      <p>
        Host (or name) to enter: <strong className="mono">{shown}</strong>
        {shown === '@' ? ' — the zone itself; some providers want the field left empty.' : ` — inside the zone ${zone}.`}
      </p>
      <div className="banner banner-warning sso-callout">
        <strong>Do not type {name} into a “host” or “name” field that adds the zone</strong>
        <p>
          Most DNS providers append your zone to what you type, so <span className="mono">{name}</span> becomes{' '}
          <span className="mono">
            {name}.{zone}
          </span>
          , where Cloudflare never looks. Enter <span className="mono">{shown}</span>
          {shown === '@' ? ' or leave the field empty' : ''}.
        </p>
      </div>
      {known ? (
        <p>
          <strong>{known.name}</strong>: add a TXT record. {known.host} Paste the value exactly, without adding quotes.
        </p>
      ) : null}
      <details className="sso-details">
        <summary>Instructions for common DNS providers</summary>
        <ul>
          {lines.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>: add a TXT record. {p.host} Paste the value exactly, without adding quotes.
            </li>
          ))}
          <li>
            <strong>Anywhere else</strong>: add a TXT record with host <span className="mono">{shown}</span> in the zone{' '}
            <span className="mono">{zone}</span>, with the value above.
          </li>
        </ul>
      </details>
    </div>
  );
}
