import type { GO_TO } from './shortcut-keys';

/**
 * What the palette can jump to or run. An item is plain data (so recent items can be kept on this
 * device: names and ids only, never a secret); `go` says where it leads.
 */
export type PaletteTarget =
  | { kind: 'section'; section: (typeof GO_TO)[keyof typeof GO_TO]['section'] }
  | { kind: 'group'; id: string; tab?: 'policies' | 'members' }
  | { kind: 'add-policy'; id: string }
  | { kind: 'group-new' }
  | { kind: 'member'; id: string }
  | { kind: 'add-member'; id: string; member: { id: string; email: string } }
  /** Not a destination: puts these words in the palette's box (the start of an action). */
  | { kind: 'fill'; text: string }
  | { kind: 'permission-group'; id: string }
  | { kind: 'resource-group'; name: string }
  | { kind: 'zone'; name: string }
  | { kind: 'sso'; id: string }
  | { kind: 'sso-new' }
  | { kind: 'simulator' }
  | { kind: 'oauth-client'; id: string }
  | { kind: 'oauth-new' }
  | { kind: 'rotate'; id: string };

export interface PaletteItem {
  key: string;
  label: string;
  /** The heading it is listed under: "Recent", "User groups", "Actions" … */
  group: string;
  hint?: string;
  target: PaletteTarget;
}

export const itemKey = (t: PaletteTarget): string =>
  t.kind === 'add-member'
    ? `${t.kind}:${t.id}:${t.member.id}`
    : t.kind === 'fill'
      ? `${t.kind}:${t.text}`
      : `${t.kind}:${'id' in t ? t.id : 'name' in t ? t.name : 'section' in t ? t.section : ''}`;

/**
 * What the typed words are about. An action's words name its subjects: "Add a policy to Ops"
 * searches groups for "Ops"; "Add ana@acme.com to Ops" searches people for "ana@acme.com" and
 * groups for "Ops". Anything else is searched as it is, for groups and people alike.
 */
export function subjectsOf(text: string): { group: string; person: string; typedAction: boolean } {
  const t = text.trim();
  const forGroup = /^(?:add a policy to|add members to|rotate secret of)\s+(.*)$/i.exec(t);
  if (forGroup) return { group: forGroup[1]!.trim(), person: '', typedAction: true };
  const addPerson = /^add\s+(\S+(?:\s+\S+)*?)\s+to(?:\s+(.*))?$/i.exec(t);
  if (addPerson) return { group: (addPerson[2] ?? '').trim(), person: addPerson[1]!.trim(), typedAction: true };
  return { group: t, person: t, typedAction: false };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Whether every typed word is somewhere in the text (case- and accent-insensitive), the way the
 * palette filters its items: "Add members to amer" finds "Add members to Sales AMER", and
 * "prod zones" finds "Production zones".
 */
export function matches(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** Recent items first (those that still match), then the rest, without duplicates. */
export function withRecentFirst(items: PaletteItem[], recent: PaletteItem[], query: string): PaletteItem[] {
  const seen = new Set<string>();
  const out: PaletteItem[] = [];
  for (const r of recent) {
    if (query.trim() && !matches(r.label, query)) continue;
    seen.add(r.key);
    out.push({ ...r, group: 'Recent' });
  }
  for (const item of items) if (!seen.has(item.key)) out.push(item);
  return out;
}
