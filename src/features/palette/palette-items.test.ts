import { describe, expect, it } from 'vitest';
import { itemKey, matches, withRecentFirst, type PaletteItem } from './palette-items';

const item = (label: string, group = 'User groups'): PaletteItem => ({
  key: itemKey({ kind: 'group', id: label }),
  label,
  group,
  target: { kind: 'group', id: label },
});

describe('palette items', () => {
  it('matches case- and accent-insensitively', () => {
    expect(matches('Équipe Réseau', 'equipe res')).toBe(true);
    expect(matches('Platform', 'PLAT')).toBe(true);
    expect(matches('Platform', 'ops')).toBe(false);
  });

  it('lists recent items first, once, and only those that match the query', () => {
    const items = [item('Platform'), item('Security'), item('Support')];
    const recent = [item('Support'), item('Billing')];
    expect(withRecentFirst(items, recent, '').map((i) => `${i.group}:${i.label}`)).toEqual([
      'Recent:Support',
      'Recent:Billing',
      'User groups:Platform',
      'User groups:Security',
    ]);
    expect(withRecentFirst(items, recent, 'su').map((i) => i.label)).toEqual(['Support', 'Platform', 'Security']);
  });
});
