import { lazy, Suspense, useState } from 'react';
import type { Composer } from './use-composer';

// Each dialog loads when first opened, outside the composer's route chunk.
const ExportDialog = lazy(() => import('./export-dialog').then((m) => ({ default: m.ExportDialog })));
const ImportDialog = lazy(() => import('./import-dialog').then((m) => ({ default: m.ImportDialog })));
const TemplateDialog = lazy(() => import('./template-dialog').then((m) => ({ default: m.TemplateDialog })));

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
      <Suspense fallback={null}>
        {open === 'template' ? <TemplateDialog open onOpenChange={set('template')} composer={composer} /> : null}
        {open === 'import' ? <ImportDialog open onOpenChange={set('import')} composer={composer} /> : null}
        {open === 'export' ? <ExportDialog open onOpenChange={set('export')} composer={composer} /> : null}
      </Suspense>
    </div>
  );
}
