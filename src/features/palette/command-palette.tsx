import { Dialog as RadixDialog } from 'radix-ui';
import { useId, useState, type KeyboardEvent } from 'react';
import { useKeyboard } from '@/stores/keyboard';
import { withRecentFirst, type PaletteItem } from './palette-items';
import { useRecentItems } from './recent';
import { useGoTo } from './use-go-to';
import { usePaletteResults } from './use-palette-results';
import { InertName } from '@/components/ui/inert-name';
import { pluralize } from '@/lib/format';

/**
 * Ctrl/⌘+K: one box to jump to any group, zone, resource group, permission group, SSO connector
 * or OAuth client by name, or to run an action; recent choices first. A combobox over a listbox
 * (arrow keys move, Enter runs, Esc closes) in a Radix dialog.
 */
export function CommandPalette({ accountId }: { accountId: string }) {
  const open = useKeyboard((s) => s.paletteOpen);
  const setOpen = useKeyboard((s) => s.setPaletteOpen);
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="dialog palette" aria-describedby={undefined}>
          <RadixDialog.Title className="visually-hidden">Command palette</RadixDialog.Title>
          {open ? <PaletteBody accountId={accountId} onDone={() => setOpen(false)} /> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

function PaletteBody({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const recent = useRecentItems((s) => s.byAccount[accountId]) ?? [];
  const remember = useRecentItems((s) => s.remember);
  const { items: found, loading } = usePaletteResults(accountId, query, true);
  const items = withRecentFirst(found, recent, query);
  const current = Math.min(active, Math.max(items.length - 1, 0));
  const goTo = useGoTo(accountId);

  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    if (item.target.kind === 'fill') {
      // The start of an action: the palette stays open with its words typed, to finish.
      setQuery(item.target.text);
      setActive(0);
      return;
    }
    remember(accountId, item);
    onDone();
    void goTo(item.target);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + items.length) % Math.max(items.length, 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(items[current]);
    }
  };

  const groups: Array<{ name: string; items: Array<{ item: PaletteItem; index: number }> }> = [];
  items.forEach((item, index) => {
    const last = groups[groups.length - 1];
    if (last?.name === item.group) last.items.push({ item, index });
    else groups.push({ name: item.group, items: [{ item, index }] });
  });
  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <>
      <input
        className="input palette-input"
        role="combobox"
        aria-label="Search groups, zones, clients and actions"
        aria-expanded
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={items.length ? optionId(current) : undefined}
        placeholder="Jump to a group, zone, client… or run an action"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {loading ? 'Searching…' : pluralize(items.length, 'result')}
      </p>
      <div id={`${id}-list`} role="listbox" aria-label="Results" className="palette-list">
        {groups.map((g) => (
          // aria-labelledby is a list of ids split at spaces: "Go to" must not become two ids.
          <div key={g.name} role="group" aria-labelledby={`${id}-${g.name.replace(/\W+/g, '-')}`}>
            <div id={`${id}-${g.name.replace(/\W+/g, '-')}`} className="palette-group" role="presentation">
              {g.name}
            </div>
            {g.items.map(({ item, index }) => (
              <div
                key={`${g.name}-${item.key}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                className={`palette-option${index === current ? ' palette-option-active' : ''}`}
                onMouseMove={() => setActive(index)}
                onClick={() => run(item)}
              >
                <span>
                  <InertName>{item.label}</InertName>
                </span>
                {item.hint ? <span className="muted palette-hint">{item.hint}</span> : null}
              </div>
            ))}
          </div>
        ))}
        {!items.length && !loading ? <p className="muted palette-empty">Nothing matches “{query}”.</p> : null}
      </div>
      <p className="muted palette-footer">
        <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close, <kbd>?</kbd> for every shortcut
      </p>
    </>
  );
}
