import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});

const { draftKey, usePolicyDrafts } = await import('./policy-drafts');

const base = { modifiedOn: '2024-01-01T00:00:00Z', policies: [{ key: 'a', id: 'p1', access: 'allow' as const, permissionGroups: ['pg'], resourceGroups: [{ id: 'rg' }] }] };

describe('policy drafts store', () => {
  beforeEach(() => {
    usePolicyDrafts.setState({ drafts: {} });
    storage.clear();
  });

  it('starts a draft from the base on the first edit and persists it', () => {
    const key = draftKey('acc', 'grp');
    usePolicyDrafts.getState().edit(key, base, (ps) => ps.map((p) => ({ ...p, access: 'deny' })));
    const draft = usePolicyDrafts.getState().drafts[key]!;
    expect(draft.base).toEqual(base);
    expect(draft.policies[0]!.access).toBe('deny');
    expect(draft.updatedAt).not.toBe('');
    expect(JSON.parse(storage.get('iam-console:policy-drafts')!).state.drafts[key].policies[0].access).toBe('deny');
  });

  it('keeps drafts of other groups apart and discards one', () => {
    usePolicyDrafts.getState().edit(draftKey('acc', 'g1'), base, (ps) => ps);
    usePolicyDrafts.getState().edit(draftKey('acc', 'g2'), base, () => []);
    usePolicyDrafts.getState().discard(draftKey('acc', 'g1'));
    expect(Object.keys(usePolicyDrafts.getState().drafts)).toEqual([draftKey('acc', 'g2')]);
  });
});
