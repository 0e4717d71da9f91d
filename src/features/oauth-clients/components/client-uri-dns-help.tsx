import { DnsCheckButton } from '@/components/dns/dns-check-button';
import { DnsPrecheckResult } from '@/components/dns/dns-precheck-result';
import { DnsProviderHelp } from '@/components/dns/dns-provider-help';
import { DnsRecordTable } from '@/components/dns/dns-record-table';
import { useDnsZone } from '@/components/dns/use-dns-zone';
import { useTxtPrecheck } from '@/components/dns/use-txt-precheck';
import { DeadlineTime, useVerificationDeadline } from '@/components/dns/verification-deadline';
import { useAccountId } from '@/stores/current-account';
import type { OAuthClient } from '@/api/oauth/schema';

/**
 * The same DNS help as SSO setup, for the client URI's host: the record with the host label
 * relative to its zone, provider instructions, a pre-check that also looks at the doubled name,
 * and how long Cloudflare keeps checking.
 */
export function ClientUriDnsHelp({ client, host, value }: { client: OAuthClient; host: string; value: string }) {
  const dns = useDnsZone(host);
  const precheck = useTxtPrecheck(host, value, { zone: dns.zone });
  const status = client.client_uri_verification?.status;
  const deadline = useVerificationDeadline(useAccountId(), 'oauth_client', client.client_id, status);
  return (
    <div className="oc-dns-help">
      <h3>Publish this TXT record</h3>
      <DnsRecordTable domain={host} code={value} hostLabel={dns.label} />
      <DnsProviderHelp dns={dns} />
      {deadline ? (
        <p>
          Cloudflare keeps checking until{' '}
          <strong>
            <DeadlineTime deadline={deadline} />
          </strong>
          ; after that the check
          fails and you start it again.
        </p>
      ) : null}
      <h3>Check before Cloudflare does</h3>
      <DnsCheckButton precheck={precheck} />
      <DnsPrecheckResult precheck={precheck} domain={host} code={value} hostLabel={dns.label ?? '@'} />
    </div>
  );
}
