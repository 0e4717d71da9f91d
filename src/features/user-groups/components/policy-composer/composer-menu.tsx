import { useState } from 'react';
import { ExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';
import { TemplateDialog } from './template-dialog';
import type { Composer } from './use-composer';

/** Templates, import and export: each its own dialog. */
export function ComposerMenu({ composer }: { composer: Composer }) {
  const [open, setOpen] = useState<'template' | 'import' | 'export' | null>(null);
  const set = (which: typeof open) => (next: boolean) => setOpen(next ? which : null);
  return (
    <div className="composer-menu">
      <button type="button" className="btn btn-small" onClick={() => setOpen('template')}>
        Start from another group…
      </button>
      <button type="button" className="btn btn-small" onClick={() => setOpen('import')}>
        Import…
      </button>
      <button type="button" className="btn btn-small" onClick={() => setOpen('export')}>
        Export…
      </button>
      {open === 'template' ? <TemplateDialog open onOpenChange={set('template')} composer={composer} /> : null}
      {open === 'import' ? <ImportDialog open onOpenChange={set('import')} composer={composer} /> : null}
      {open === 'export' ? <ExportDialog open onOpenChange={set('export')} composer={composer} /> : null}
    </div>
  );
}
