import { ModalDialog } from '@/components/ui/modal-dialog';
import { useKeyboard } from '@/stores/keyboard';
import { CommandPalette } from './command-palette';
import { SHORTCUTS } from './shortcut-keys';

/** The palette (Ctrl/⌘+K) and the list of shortcuts (?): loaded on demand by the keyboard layer. */
export function PaletteDialogs({ accountId }: { accountId: string }) {
  const helpOpen = useKeyboard((s) => s.helpOpen);
  const setHelpOpen = useKeyboard((s) => s.setHelpOpen);
  return (
    <>
      <CommandPalette accountId={accountId} />
      <ModalDialog open={helpOpen} onOpenChange={setHelpOpen} title="Keyboard shortcuts" description="Letter shortcuts do nothing while you type in a field.">
        <dl className="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.keys.join('+')} style={{ display: 'contents' }}>
              <dt>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? (s.keys[0] === 'g' ? ' then ' : ' + ') : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
      </ModalDialog>
    </>
  );
}
