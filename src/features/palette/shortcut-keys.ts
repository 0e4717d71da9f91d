/**
 * The console's keyboard shortcuts as data (the ? dialog lists exactly these) and the pure rules
 * that decide what a key press means, so they are tested without a browser.
 */

/** `g` then one of these letters goes to that section (every section of the sidebar, in its order). */
export const GO_TO = {
  f: { section: 'findings', label: 'Findings' },
  g: { section: 'groups', label: 'User groups' },
  m: { section: 'members', label: 'Members' },
  p: { section: 'permission-groups', label: 'Permission groups' },
  r: { section: 'resource-groups', label: 'Resource groups' },
  s: { section: 'sso', label: 'SSO' },
  o: { section: 'oauth-clients', label: 'OAuth clients' },
  h: { section: 'history', label: 'History' },
} as const;
export type GoKey = keyof typeof GO_TO;

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['Ctrl/⌘', 'K'], does: 'Open the command palette: jump to anything, run an action' },
  { keys: ['/'], does: 'Focus the page’s search' },
  ...Object.entries(GO_TO).map(([key, { label }]) => ({ keys: ['g', key], does: `Go to ${label}` })),
  { keys: ['j'], does: 'Next row of the table' },
  { keys: ['k'], does: 'Previous row of the table' },
  { keys: ['Enter'], does: 'Open the chosen row' },
  { keys: ['Ctrl/⌘', 'S'], does: 'Review and save (policy composer, OAuth client form)' },
  { keys: ['Esc'], does: 'Close the dialog or menu' },
  { keys: ['?'], does: 'Show these shortcuts' },
];

export type ShortcutAction =
  | { kind: 'palette' }
  | { kind: 'save' }
  | { kind: 'search' }
  | { kind: 'help' }
  | { kind: 'go'; section: (typeof GO_TO)[GoKey]['section'] }
  | { kind: 'row'; step: 1 | -1 }
  | { kind: 'open-row' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Typing in a field, a select or an editable region: letter shortcuts must not fire there. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target?.tagName) return false;
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || target.isContentEditable) return true;
  if (tag !== 'input') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes((target.type ?? 'text').toLowerCase());
}

/**
 * What a key press does, given whether a `g` is pending (pressed within the last second) and
 * whether the admin is typing. Ctrl/⌘ combinations work everywhere (they type nothing); letters,
 * `/` and `?` only outside fields.
 */
export function shortcutFor(event: KeyLike, { pendingG, typing }: { pendingG: boolean; typing: boolean }): ShortcutAction | 'start-g' | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && !event.altKey && key === 'k') return { kind: 'palette' };
  if (mod && !event.altKey && key === 's') return { kind: 'save' };
  if (mod || event.altKey || typing) return null;
  if (pendingG) return key in GO_TO ? { kind: 'go', section: GO_TO[key as GoKey].section } : null;
  switch (event.key) {
    case '/':
      return { kind: 'search' };
    case '?':
      return { kind: 'help' };
    case 'g':
      return 'start-g';
    case 'j':
      return { kind: 'row', step: 1 };
    case 'k':
      return { kind: 'row', step: -1 };
    default:
      return null;
  }
}
