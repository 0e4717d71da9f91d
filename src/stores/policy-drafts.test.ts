import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});

const { draftKey, hasSideEffects, usePolicyDrafts } = await import('./policy-drafts');

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

describe('a draft’s side effects', () => {
  beforeEach(() => usePolicyDrafts.setState({ drafts: {} }));

  it('tracks created resource groups and members to add, without duplicates, and a merge (put) keeps them', () => {
    const key = draftKey('acc', 'grp');
    const { track, put } = usePolicyDrafts.getState();
    track(key, base, { createdResourceGroups: [{ id: 'rg-new', name: 'EU zones' }] });
    track(key, base, { createdResourceGroups: [{ id: 'rg-new', name: 'EU zones' }], membersOnSave: [{ id: 'm1', email: 'a@acme.com' }] });
    put(key, { base, policies: [] });
    const draft = usePolicyDrafts.getState().drafts[key]!;
    expect(draft.policies).toEqual([]);
    expect(draft.createdResourceGroups).toEqual([{ id: 'rg-new', name: 'EU zones' }]);
    expect(draft.membersOnSave).toEqual([{ id: 'm1', email: 'a@acme.com' }]);
    expect(hasSideEffects(draft)).toBe(true);
    expect(hasSideEffects({ ...draft, createdResourceGroups: [], membersOnSave: [] })).toBe(false);
  });

  it('keeps JSON that does not parse, persisted, until it parses or a policy edit replaces it', () => {
    const key = draftKey('acc', 'grp');
    usePolicyDrafts.getState().keepJsonText(key, base, '{"policies": [');
    expect(usePolicyDrafts.getState().drafts[key]).toMatchObject({ jsonText: '{"policies": [', policies: base.policies, base });
    expect(JSON.parse(storage.get('iam-console:policy-drafts')!).state.drafts[key].jsonText).toBe('{"policies": [');
    usePolicyDrafts.getState().keepJsonText(key, base, null);
    expect(usePolicyDrafts.getState().drafts[key]!.jsonText).toBeUndefined();
    usePolicyDrafts.getState().keepJsonText(key, base, '{');
    usePolicyDrafts.getState().edit(key, base, (ps) => ps.map((p) => ({ ...p, access: 'deny' })));
    expect(usePolicyDrafts.getState().drafts[key]!.jsonText).toBeUndefined();
  });
});
