import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchTerraformCost, fetchTerraformHcl, type TerraformScope } from '@/api/terraform/queries';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { formatDateTime, pluralize } from '@/lib/format';

/** Exports up to this many requests start on their own. */
const AUTO_EXPORT_REQUESTS = 30;

export function downloadText(text: string, fileName: string, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The export's preview: what it will cost (asked first, two requests), then the HCL with copy and
 * download. Small exports start on their own; a large one waits for the admin to accept its cost.
 * The text is kept only while this page is open (gcTime 0).
 */
export function useTerraformExport(accountId: string, scope: TerraformScope, scopeKey: string) {
  const [accepted, setAccepted] = useState<string | null>(null);
  const cost = useQuery({ queryKey: ['accounts', accountId, 'terraform-cost', scopeKey], queryFn: ({ signal }) => fetchTerraformCost(accountId, scope, signal), staleTime: 0, gcTime: 0, retry: false });
  const small = cost.data !== undefined && cost.data.requests <= AUTO_EXPORT_REQUESTS;
  const hcl = useQuery({
    queryKey: ['accounts', accountId, 'terraform-hcl', scopeKey],
    queryFn: ({ signal }) => fetchTerraformHcl(accountId, scope, signal),
    enabled: small || accepted === scopeKey,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  return { cost, hcl, accept: () => setAccepted(scopeKey), accepted: small || accepted === scopeKey };
}

export function ExportPanel({ accountId, exported }: { accountId: string; exported: ReturnType<typeof useTerraformExport> }) {
  const { cost, hcl, accept, accepted } = exported;
  const fileName = `cloudflare-iam-${accountId.slice(0, 8)}.tf`;
  const text = hcl.data?.text;
  return (
    <section aria-labelledby="tf-export-title" className="card">
      <h2 id="tf-export-title">Export</h2>
      {cost.isPending ? <p role="status">Working out what the export costs…</p> : null}
      <ErrorBanner error={cost.error} title="Could not work out the export’s cost" onRetry={() => void cost.refetch()} />
      {cost.data ? (
        <p>
          {cost.data.scope}: {pluralize(cost.data.groups, 'group')}. Reading it takes about {pluralize(cost.data.requests, 'request')} to the Cloudflare API (of 1,200 per 5 minutes
          shared with the dashboard).{' '}
          {cost.data.memberships === 'index'
            ? 'Memberships come from the membership index, at no cost.'
            : cost.data.memberships === 'per-group'
              ? 'Members are read group by group from the API, so they are current.'
              : 'Memberships are not known yet (the membership index is still building); the export says so.'}
        </p>
      ) : null}
      {cost.data && !accepted ? (
        <button type="button" className="btn btn-primary" onClick={accept}>
          Export ({pluralize(cost.data.requests, 'request')})
        </button>
      ) : null}
      {accepted && hcl.isFetching ? <p role="status">Reading the account and writing the HCL…</p> : null}
      <ErrorBanner error={hcl.error} title="The export failed" onRetry={() => void hcl.refetch()} />
      {text !== undefined ? (
        <>
          <p className="muted" role="status">
            Exported with {pluralize(hcl.data?.requests ?? 0, 'request')}; {(text.length / 1024).toFixed(0)} KB.
            {hcl.data?.membershipsAsOf ? ` Memberships as of the membership index’s pass at ${formatDateTime(hcl.data.membershipsAsOf)}.` : ''}
          </p>
          <div className="row-actions">
            <CopyButton value={text} label="Copy HCL" targetId="tf-hcl" />
            <button type="button" className="btn" onClick={() => downloadText(text, fileName)}>
              Download {fileName}
            </button>
          </div>
          <pre id="tf-hcl" className="code-block export-json" tabIndex={0} aria-label="Terraform HCL">
            {text.length > 2_000_000 ? `${text.slice(0, 2_000_000)}\n# … the preview stops here; download the file for the rest.` : text}
          </pre>
        </>
      ) : null}
    </section>
  );
}
