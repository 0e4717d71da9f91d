import { useQuery } from '@tanstack/react-query';
import { groupMembersAllQuery } from '@/api/user-groups/queries';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { pluralize } from '@/lib/format';
import { buildGroupExport, canonicalJson } from '@/lib/group-export';
import { CopyButton } from '@/components/ui/copy-button';
import type { Composer } from './use-composer';

function fileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'user-group'}.user-group.json`;
}

/**
 * The saved group (name, policies, members) as canonical JSON: keys sorted, lists in a stable
 * order, no policy ids or timestamps, so exports of an unchanged group are byte-identical.
 */
export function ExportDialog({ open, onOpenChange, composer }: { open: boolean; onOpenChange: (open: boolean) => void; composer: Composer }) {
  const { accountId, group } = composer;
  const members = useQuery({ ...groupMembersAllQuery(accountId, group.id), enabled: open });
  const file = members.data ? buildGroupExport(accountId, group, members.data) : null;
  const text = file ? canonicalJson(file) : '';

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(group.name);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={`Export ${group.name}`}
      description="What is saved, not your draft. Import it into another group or account from its Policies tab."
      footer={
        <>
          {file ? <CopyButton value={text} label="Copy JSON">Copy JSON</CopyButton> : null}
          <button type="button" className="btn" disabled={!file} onClick={download}>
            Download {fileName(group.name)}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => onOpenChange(false)}>
            Close
          </button>
        </>
      }
    >
      {members.isPending ? <p role="status">Reading the group’s members…</p> : null}
      {members.error ? <ErrorBanner error={members.error} title="Could not read the members" onRetry={() => void members.refetch()} /> : null}
      {file ? (
        <>
          <p className="muted">
            {pluralize(file.policies.length, 'policy', 'policies')}, {pluralize(file.members.length, 'member')}.
          </p>
          <pre className="code-block export-json" tabIndex={0} aria-label="Export JSON">
            {text}
          </pre>
        </>
      ) : null}
    </Dialog>
  );
}
