import { Link } from '@tanstack/react-router';
import { DomainName } from '@/components/ui/domain-name';
import type { SsoConnector } from '@/api/sso/schema';
import { useTxtPrecheck } from '@/components/dns/use-txt-precheck';
import { DnsCheckButton } from '@/components/dns/dns-check-button';
import { DnsPrecheckResult } from '@/components/dns/dns-precheck-result';
import { DnsProviderHelp } from '@/components/dns/dns-provider-help';
import { DnsRecordTable } from '@/components/dns/dns-record-table';
import { useDnsZone } from '@/components/dns/use-dns-zone';
import { StartVerification } from './start-verification';

/** Step 2: the record to publish, help for common providers, and a pre-check before verifying. */
export function DnsRecordStep({ accountId, connector, domain, code }: { accountId: string; connector: SsoConnector; domain: string; code: string }) {
  const dns = useDnsZone(domain);
  const precheck = useTxtPrecheck(domain, code, { zone: dns.zone });
  return (
    <section className="card sso-step" aria-labelledby="sso-step-title">
      <h2 id="sso-step-title" tabIndex={-1}>
        Publish this TXT record
      </h2>
      <p>
        Add this record at the DNS provider that hosts{' '}
        <strong>
          <DomainName domain={domain} />
        </strong>
        . Cloudflare reads it to confirm that your
        organisation controls the domain.
      </p>
      <DnsRecordTable domain={domain} code={code} hostLabel={dns.label} />
      <DnsProviderHelp dns={dns} />

      <h3>Check before verifying</h3>
      <p className="muted">
        See what DNS answers for {domain} right now. Nothing is sent to Cloudflare; verification starts only when you
        choose.
      </p>
      <DnsCheckButton precheck={precheck} />
      <DnsPrecheckResult precheck={precheck} domain={domain} code={code} hostLabel={dns.label ?? '@'} />

      <StartVerification accountId={accountId} connectorId={connector.id} domain={domain} precheck={precheck} label="Start verification">
        <Link to="/accounts/$accountId/sso" params={{ accountId }} className="btn">
          Finish later
        </Link>
      </StartVerification>
      <p className="muted">
        Finishing later is safe: the connector waits at this step, and the SSO list shows where you left off.
      </p>
    </section>
  );
}
