import { useId, useState } from 'react';
import type { UserGroup } from '@/api/user-groups/schema';
import { Dialog } from '@/components/ui/dialog';
import { pluralize } from '@/lib/format';
import { draftFromServer, duplicatePolicy } from '@/lib/policy-draft';
import { GroupCombobox } from '../group-combobox';
import { sentence } from './policy-diff-view';
import type { Composer } from './use-composer';

/**
 * "Start from another group": copies another group's policies into this group's draft, replacing
 * the current ones or added after them. Nothing is saved until the admin reviews and saves.
 */
export function TemplateDialog({ open, onOpenChange, composer }: { open: boolean; onOpenChange: (open: boolean) => void; composer: Composer }) {
  const id = useId();
  const [source, setSource] = useState<UserGroup | null>(null);
  const [mode, setMode] = useState<'replace' | 'append'>('replace');
  const [listOpen, setListOpen] = useState(false);
  const candidates = source ? draftFromServer(source.policies) : [];
  const sameGroup = source?.id === composer.group.id;

  const close = (next: boolean) => {
    if (!next) {
      setSource(null);
      setMode('replace');
    }
    onOpenChange(next);
  };
  const apply = () => {
    if (!source) return;
    const copies = candidates.map(duplicatePolicy);
    composer.edit((list) => (mode === 'replace' ? copies : [...list, ...copies]));
    close(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      size="wide"
      title="Start from another group’s policies"
      description="Copies its policies into your draft. You can change them before you review and save."
      onDismissAttempt={() => !listOpen}
      footer={
        <>
          <button type="button" className="btn" onClick={() => close(false)}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!source || candidates.length === 0 || sameGroup} onClick={apply}>
            {mode === 'replace' ? 'Replace my policies' : 'Add to my policies'}
          </button>
        </>
      }
    >
      <GroupCombobox label="Copy policies from" value={source} onChange={setSource} onExpandedChange={setListOpen} />
      {sameGroup ? <p className="field-error">That is this group: choose another one.</p> : null}
      {source && !sameGroup ? (
        <>
          <h3>
            {source.name} <span className="muted">({pluralize(candidates.length, 'policy', 'policies')})</span>
          </h3>
          {candidates.length ? (
            <ol className="policy-list">
              {candidates.map((p) => (
                <li key={p.key}>{sentence(p, composer.lookups)}</li>
              ))}
            </ol>
          ) : (
            <p className="muted">This group has no policies to copy.</p>
          )}
          <fieldset className="choice-group">
            <legend>Your current {pluralize(composer.policies.length, 'policy', 'policies')}</legend>
            <label className="radio">
              <input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
              <span>Replace them with these</span>
            </label>
            <label className="radio">
              <input type="radio" name={`${id}-mode`} checked={mode === 'append'} onChange={() => setMode('append')} />
              <span>Keep them and add these after</span>
            </label>
          </fieldset>
        </>
      ) : null}
    </Dialog>
  );
}
