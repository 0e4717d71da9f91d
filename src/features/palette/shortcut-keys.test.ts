import { describe, expect, it } from 'vitest';
import { isTypingTarget, SHORTCUTS, shortcutFor } from './shortcut-keys';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const idle = { pendingG: false, typing: false };

describe('shortcutFor', () => {
  it('maps the single keys', () => {
    expect(shortcutFor(press('/'), idle)).toEqual({ kind: 'search' });
    expect(shortcutFor(press('?'), idle)).toEqual({ kind: 'help' });
    expect(shortcutFor(press('j'), idle)).toEqual({ kind: 'row', step: 1 });
    expect(shortcutFor(press('k'), idle)).toEqual({ kind: 'row', step: -1 });
    expect(shortcutFor(press('g'), idle)).toBe('start-g');
  });

  it('g then a letter goes to a section; any other letter cancels', () => {
    const pending = { pendingG: true, typing: false };
    expect(shortcutFor(press('o'), pending)).toEqual({ kind: 'go', section: 'oauth-clients' });
    expect(shortcutFor(press('g'), pending)).toEqual({ kind: 'go', section: 'groups' });
    expect(shortcutFor(press('f'), pending)).toEqual({ kind: 'go', section: 'findings' });
    expect(shortcutFor(press('m'), pending)).toEqual({ kind: 'go', section: 'members' });
    expect(shortcutFor(press('h'), pending)).toEqual({ kind: 'go', section: 'history' });
    expect(shortcutFor(press('x'), pending)).toBeNull();
  });

  it('Ctrl or ⌘ with K or S work even while typing; nothing else does', () => {
    const typing = { pendingG: false, typing: true };
    expect(shortcutFor(press('k', { ctrlKey: true }), typing)).toEqual({ kind: 'palette' });
    expect(shortcutFor(press('K', { metaKey: true }), typing)).toEqual({ kind: 'palette' });
    expect(shortcutFor(press('s', { metaKey: true }), typing)).toEqual({ kind: 'save' });
    for (const key of ['/', '?', 'g', 'j', 'k']) expect(shortcutFor(press(key), typing)).toBeNull();
    expect(shortcutFor(press('j', { altKey: true }), idle)).toBeNull();
  });

  it('every shortcut the help lists is one shortcutFor knows (or a browser/dialog key)', () => {
    for (const { keys } of SHORTCUTS) {
      if (keys[0] === 'Esc' || keys[0] === 'Enter') continue;
      const last = keys[keys.length - 1]!;
      const mod = keys[0] === 'Ctrl/⌘';
      const state = { pendingG: keys[0] === 'g' && keys.length === 2, typing: false };
      expect(shortcutFor(press(last.toLowerCase(), { ctrlKey: mod }), state), keys.join('+')).not.toBeNull();
    }
  });
});

describe('isTypingTarget', () => {
  it('text fields, text areas, selects and editable regions are typing; buttons and checkboxes are not', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
