import { useId } from 'react';
import { CopyButton } from '../ui/copy-button';

/** The exact record to publish, one row per field the DNS provider asks for, each copyable. */
export function DnsRecordTable({ domain, code, hostLabel }: { domain: string; code: string; hostLabel?: string | null }) {
  const id = useId();
  const rows = [
    { field: 'Type', value: 'TXT', label: 'Copy record type' },
    { field: 'Name', value: domain, label: 'Copy record name' },
    // What a zone-appending host field wants, relative to the zone (see DnsProviderHelp).
    ...(hostLabel ? [{ field: 'Host', value: hostLabel, label: 'Copy host label' }] : []),
    { field: 'Value', value: code, label: 'Copy record value' },
  ];
  return (
    <table className="table dns-record-table">
      <caption className="visually-hidden">DNS record to publish</caption>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.field}>
            <th scope="row">{row.field}</th>
            <td>
              <code className="mono dns-record-value" id={`${id}-${i}`}>
                {row.value}
              </code>
            </td>
            <td className="dns-record-copy">
              <CopyButton value={row.value} label={row.label} targetId={`${id}-${i}`} />
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">TTL</th>
          <td colSpan={2}>Automatic, or the lowest your provider offers, so a fix shows up quickly.</td>
        </tr>
      </tbody>
    </table>
  );
}
