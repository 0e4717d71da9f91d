import type { TerraformScope } from '@/api/terraform/queries';
import { PageHeader } from '@/components/layout/page-header';
import { useAccountId } from '@/stores/current-account';
import { DriftPanel } from './drift-panel';
import { ExportPanel, useTerraformExport } from './export-panel';

/** Terraform: the account (or some groups) as exact HCL, and drift between code and the account. */
export function TerraformPage({ scope, scopeLabel }: { scope: TerraformScope; scopeLabel: string }) {
  const accountId = useAccountId();
  const scopeKey = JSON.stringify(scope);
  const exported = useTerraformExport(accountId, scope, scopeKey);
  return (
    <div className="page">
      <PageHeader title="Terraform" description={`Export ${scopeLabel} as code for the cloudflare/cloudflare provider (5.19 or newer), and see what changed since.`} />
      <ExportPanel accountId={accountId} exported={exported} />
      <DriftPanel accountId={accountId} exportText={exported.hcl.data?.text ?? null} />
    </div>
  );
}
