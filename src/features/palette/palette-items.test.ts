import { describe, expect, it } from 'vitest';
import { itemKey, matches, subjectsOf, withRecentFirst, type PaletteItem } from './palette-items';

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

  it('matches every typed word anywhere, not only the start of the name', () => {
    expect(matches('Add members to Support – AMER', 'Add members to amer')).toBe(true);
    expect(matches('Production zones', 'prod zones')).toBe(true);
    expect(matches('Add a policy to Support – AMER', 'Add members to amer')).toBe(false);
    expect(matches('Support – AMER', '  ')).toBe(true);
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

describe('what typed words are about', () => {
  it('an action names its subjects; plain words search groups and people alike', () => {
    expect(subjectsOf('Add a policy to Ops team')).toEqual({ group: 'Ops team', person: '', typedAction: true });
    expect(subjectsOf('rotate secret of CI bot')).toEqual({ group: 'CI bot', person: '', typedAction: true });
    expect(subjectsOf('Add ana@acme.com to Platform – 2')).toEqual({ group: 'Platform – 2', person: 'ana@acme.com', typedAction: true });
    expect(subjectsOf('add ana@acme.com to ')).toEqual({ group: '', person: 'ana@acme.com', typedAction: true });
    expect(subjectsOf('ana@acme')).toEqual({ group: 'ana@acme', person: 'ana@acme', typedAction: false });
  });

  it('keys an "add person to group" item by both, so two people for one group are two items', () => {
    const a = itemKey({ kind: 'add-member', id: 'g1', member: { id: 'm1', email: 'a@x.com' } });
    const b = itemKey({ kind: 'add-member', id: 'g1', member: { id: 'm2', email: 'b@x.com' } });
    expect(a).not.toBe(b);
  });
});
