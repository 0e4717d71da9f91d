import { describe, expect, it } from 'vitest';
import { identifierOf, resourceNames } from './resource-names';

describe('resource names', () => {
  it('makes valid identifiers from any name', () => {
    expect(identifierOf('AI Platform', 'group')).toBe('ai_platform');
    expect(identifierOf('Café – Ops/EU', 'group')).toBe('cafe_ops_eu');
    expect(identifierOf('2024 interns', 'group')).toBe('group_2024_interns');
    expect(identifierOf('日本', 'group')).toBe('group');
    for (const name of ['AI Platform', 'Café – Ops/EU', '2024 interns', '日本', '---']) expect(identifierOf(name, 'group')).toMatch(/^[a-z_][a-z0-9_-]*$/);
  });

  it('keeps names unique, and the oldest namesake keeps the plain name whatever the order', () => {
    const a = { id: 'aaaaaaaa11111111', name: 'Ops', createdOn: '2025-01-01' };
    const b = { id: 'bbbbbbbb22222222', name: 'ops', createdOn: '2026-01-01' };
    const c = { id: 'cccccccc33333333', name: 'Finance' };
    const names = resourceNames([b, c, a], 'group');
    expect(names.get(a.id)).toBe('ops');
    expect(names.get(b.id)).toBe('ops_bbbbbbbb');
    expect(resourceNames([a, b, c], 'group')).toEqual(names);
    // Exporting a newer namesake later never renames the older group.
    expect(resourceNames([a, c], 'group').get(a.id)).toBe('ops');
  });
});
