import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { ErrorBanner } from '@/components/ui/error-banner';
import { deleteSandboxDnsRecord, dnsKeys, publishSandboxTxtRecord, sandboxRecordsAtQuery } from '@/api/dns';
import { hostOf } from '../uri-rules';

/**
 * Sandbox mode only: the stand-in for the admin's DNS provider. Publishing the TXT value here is
 * what a real admin would do at their provider; the sandbox's verification reads this zone.
 */
export function SandboxDnsPanel({ clientUri, value }: { clientUri: string; value: string }) {
  const host = hostOf(clientUri) ?? '';
  const queryClient = useQueryClient();
  const records = useQuery(sandboxRecordsAtQuery(host));
  // A changed zone changes every DNS read (pre-checks included).
  const refresh = () => queryClient.invalidateQueries({ queryKey: dnsKeys.all });
  const publish = useGuardedMutation({ mutationFn: () => publishSandboxTxtRecord({ name: host, content: value }), onSuccess: refresh });
  const remove = useGuardedMutation({ mutationFn: (id: string) => deleteSandboxDnsRecord(id), onSuccess: refresh });
  const published = records.data?.some((r) => r.content === value) ?? false;

  return (
    <section className="card oc-sandbox-panel" aria-labelledby="sandbox-dns-title">
      <h2 id="sandbox-dns-title">Sandbox DNS zone</h2>
      <p className="field-hint">
        In the sandbox, this zone stands in for your DNS provider. In live mode you would add the record at your provider instead.
      </p>
      <h3 className="oc-sandbox-records-title">
        TXT records at <span className="mono">{host}</span>
      </h3>
      {records.isPending ? <p className="muted">Loading records…</p> : null}
      {records.error ? <ErrorBanner error={records.error} title="Could not read the sandbox zone" onRetry={() => void records.refetch()} /> : null}
      {records.data?.length === 0 ? <p className="muted">None published.</p> : null}
      <ul className="oc-plain-list oc-sandbox-records">
        {records.data?.map((r) => (
          <li key={r.id} className="oc-copy-row">
            <code className="oc-txt-value">{r.content}</code>
            {r.content === value ? <span className="badge badge-success">matches</span> : null}
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Delete TXT record ${r.content}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate(r.id)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {publish.error ? <ErrorBanner error={publish.error} title="The record was not published" /> : null}
      {remove.error ? <ErrorBanner error={remove.error} title="The record was not deleted" /> : null}
      <div className="oc-form-actions">
        <button type="button" className="btn" disabled={published || publish.isPending} onClick={() => publish.mutate()}>
          {published ? 'Record published' : publish.isPending ? 'Publishing…' : 'Publish the TXT record in the sandbox zone'}
        </button>
      </div>
    </section>
  );
}
