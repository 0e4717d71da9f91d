import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { onDemand } from '@/components/ui/on-demand';
import { requestSave, useKeyboard } from '@/stores/keyboard';
import { isTypingTarget, shortcutFor, type ShortcutAction } from './shortcut-keys';

const paletteDialogs = onDemand(() => import('./palette-dialogs'));
// Asked for as soon as the shortcuts are here: Ctrl/⌘+K and typing right away must find the box.
void paletteDialogs.load();

/** How long `g` waits for its letter. */
const G_TIMEOUT_MS = 1000;

/** j/k: the rows of the page's main table that lead somewhere (a link in the row). */
function moveRow(step: 1 | -1) {
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('main table tbody tr')].filter((r) => r.querySelector('a[href]'));
  if (!rows.length) return;
  const at = rows.findIndex((r) => r.hasAttribute('data-kbd-active'));
  const next = rows[at < 0 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step))]!;
  rows.forEach((r) => r.removeAttribute('data-kbd-active'));
  next.setAttribute('data-kbd-active', '');
  // The row's link takes focus, so Enter opens it and screen readers say where we are.
  next.querySelector<HTMLAnchorElement>('a[href]')?.focus();
}

/** `/`: the page's search box (the first search field in the page, else one marked for it). */
function focusSearch(): boolean {
  const box = document.querySelector<HTMLInputElement>('main input[type="search"], main [data-page-search]');
  box?.focus();
  box?.select?.();
  return Boolean(box);
}

/** The console-wide shortcuts, the palette and the list of shortcuts (?). */
export function KeyboardLayer({ accountId }: { accountId: string }) {
  const navigate = useNavigate();
  const pendingG = useRef<number | null>(null);
  const { helpOpen, paletteOpen, setHelpOpen, setPaletteOpen } = useKeyboard();

  useEffect(() => {
    const perform = (action: ShortcutAction): boolean => {
      switch (action.kind) {
        case 'palette':
          setPaletteOpen(true);
          return true;
        case 'save':
          // Whether or not a form answers, the browser's "save page" is never what is meant.
          requestSave();
          return true;
        case 'search':
          return focusSearch();
        case 'help':
          setHelpOpen(true);
          return true;
        case 'go':
          // Where each section is lives with the palette's targets, fetched at the first `g`.
          void import('./use-go-to').then(({ goTo }) => goTo(navigate, accountId, { kind: 'section', section: action.section }));
          return true;
        case 'row':
          moveRow(action.step);
          return true;
        case 'open-row':
          return false;
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const dialogOpen = Boolean(document.querySelector('[role="dialog"], [role="alertdialog"]'));
      const typing = isTypingTarget(event.target as HTMLElement | null);
      const gPending = pendingG.current !== null && Date.now() - pendingG.current < G_TIMEOUT_MS;
      const result = shortcutFor(event, { pendingG: gPending, typing });
      pendingG.current = null;
      if (result === null) return;
      if (result === 'start-g') {
        if (!dialogOpen) pendingG.current = Date.now();
        return;
      }
      // In a dialog only the palette key and save apply; letters belong to the dialog.
      if (dialogOpen && result.kind !== 'save' && result.kind !== 'palette') return;
      if (perform(result)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, accountId, setHelpOpen, setPaletteOpen]);

  // The palette and the list of shortcuts (Radix dialogs, the search over every resource) are
  // not part of the first load: they come right after it (above), beside the page's chunk and data.
  const dialogs = paletteDialogs.useLoaded(false);
  useEffect(() => {
    if (paletteOpen || helpOpen) void paletteDialogs.load();
  }, [paletteOpen, helpOpen]);
  return dialogs ? <dialogs.PaletteDialogs accountId={accountId} /> : null;
}
