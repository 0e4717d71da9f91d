import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  draftFromServer,
  draftProblems,
  formatRequestBody,
  parseRequestBody,
  reattachIds,
  samePolicies,
  toRequestBody,
  type DraftPolicy,
  type ResourceRef,
} from './policy-draft';

const ACCOUNT_KEY = `com.cloudflare.api.account.${'a'.repeat(32)}`;
const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;

const refArb: fc.Arbitrary<ResourceRef> = fc.oneof(
  fc.record({ id: fc.constantFrom('rg1', 'rg2', 'rg3', 'rg4') }),
  fc.record(
    {
      scope: fc.record({
        key: fc.constant(ACCOUNT_KEY),
        objects: fc.array(fc.record({ key: fc.constantFrom(zone('1'), zone('2'), zone('3'), '*') }), { minLength: 1, maxLength: 3 }),
      }),
      meta: fc.constant({ adhoc: 'true' }),
    },
    { requiredKeys: ['scope'] },
  ),
);

const policyArb: fc.Arbitrary<Omit<DraftPolicy, 'key'>> = fc.record(
  {
    id: fc.stringMatching(/^[0-9a-f]{8}$/),
    access: fc.constantFrom('allow' as const, 'deny' as const),
    permissionGroups: fc.array(fc.constantFrom('pgA', 'pgB', 'pgC', 'pgD'), { maxLength: 4 }),
    resourceGroups: fc.array(refArb, { maxLength: 3 }),
  },
  { requiredKeys: ['access', 'permissionGroups', 'resourceGroups'] },
);

const draftArb = fc
  .array(policyArb, { maxLength: 6 })
  .map((list) => list.map((p, i) => ({ ...p, key: `k${i}` })))
  // Policy ids are unique within a group.
  .filter((list) => new Set(list.flatMap((p) => (p.id ? [p.id] : []))).size === list.filter((p) => p.id).length);

describe('server policies → draft → request body', () => {
  it('keeps ids, reads a missing access as allow and sends only ids', () => {
    const draft = draftFromServer([
      {
        id: 'p1',
        access: 'deny',
        permission_groups: [{ id: 'pgA', name: 'DNS' } as { id: string }],
        resource_groups: [{ id: 'rg1', scope: [] } as { id: string }],
      },
      { permission_groups: [{ id: 'pgB' }], resource_groups: [] },
    ]);
    expect(draft.map((p) => p.access)).toEqual(['deny', 'allow']);
    expect(toRequestBody(draft)).toEqual({
      policies: [
        { id: 'p1', access: 'deny', permission_groups: [{ id: 'pgA' }], resource_groups: [{ id: 'rg1' }] },
        { access: 'allow', permission_groups: [{ id: 'pgB' }], resource_groups: [] },
      ],
    });
  });

  it('sends an inline scope with its meta, as the dashboard does', () => {
    const body = toRequestBody([
      {
        key: 'k',
        access: 'allow',
        permissionGroups: ['pgA'],
        resourceGroups: [{ scope: { key: ACCOUNT_KEY, objects: [{ key: zone('1') }] }, meta: { adhoc: 'true' } }],
      },
    ]);
    expect(body.policies[0]!.resource_groups).toEqual([{ scope: { key: ACCOUNT_KEY, objects: [{ key: zone('1') }] }, meta: { adhoc: 'true' } }]);
  });
});

describe('the JSON view', () => {
  it('round-trips any draft: body → text → draft → body is the identity', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const parsed = parseRequestBody(formatRequestBody(draft), draft);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(toRequestBody(parsed.policies)).toEqual(toRequestBody(draft));
        // Cards keep their identity while the admin types.
        expect(parsed.policies.map((p) => p.key)).toEqual(draft.map((p) => p.key));
      }),
    );
  });

  it('points at what is wrong, by JSON pointer', () => {
    const parsed = parseRequestBody(
      JSON.stringify({ policies: [{ access: 'allow', permission_groups: [], resource_groups: [] }, { access: 'maybe', permission_groups: [], resource_groups: [] }] }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.pointer)).toEqual(['/policies/1/access']);
  });

  it('refuses fields the composer would silently drop', () => {
    const parsed = parseRequestBody(JSON.stringify({ name: 'x', policies: [] }));
    expect(parsed.ok).toBe(false);
    const typo = parseRequestBody(JSON.stringify({ policies: [{ access: 'allow', permission_group: [], resource_groups: [] }] }));
    expect(typo.ok).toBe(false);
  });

  it('says when the text is not JSON', () => {
    const parsed = parseRequestBody('{"policies": [');
    expect(parsed).toMatchObject({ ok: false, problems: [{ pointer: '', message: expect.stringMatching(/^Not valid JSON/) }] });
  });

  it('gives new policies fresh keys and keeps keys of kept ids', () => {
    const previous: DraftPolicy[] = [{ key: 'a', id: 'p1', access: 'allow', permissionGroups: ['pgA'], resourceGroups: [{ id: 'rg1' }] }];
    const parsed = parseRequestBody(
      JSON.stringify({
        policies: [
          { access: 'deny', permission_groups: [{ id: 'pgB' }], resource_groups: [{ id: 'rg1' }] },
          { id: 'p1', access: 'allow', permission_groups: [{ id: 'pgA' }], resource_groups: [{ id: 'rg1' }] },
        ],
      }),
      previous,
    );
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.policies[1]!.key).toBe('a');
    expect(parsed.policies[0]!.key).not.toBe('a');
  });
});

describe('comparing policy sets', () => {
  it('ignores order of policies and of entries, and ids', () => {
    fc.assert(
      fc.property(
        draftArb.chain((d) => fc.tuple(fc.constant(d), fc.shuffledSubarray(d, { minLength: d.length, maxLength: d.length }))),
        ([draft, shuffled]) => {
          const reshaped = shuffled.map(({ id: _id, ...p }) => ({ ...p, permissionGroups: [...p.permissionGroups].reverse() }));
          expect(samePolicies(draft, reshaped)).toBe(true);
        },
      ),
    );
  });

  it('sees a changed access', () => {
    const a: DraftPolicy[] = [{ key: 'a', access: 'allow', permissionGroups: ['pgA'], resourceGroups: [{ id: 'rg1' }] }];
    expect(samePolicies(a, [{ ...a[0]!, access: 'deny' }])).toBe(false);
    expect(samePolicies(a, [...a, ...a])).toBe(false);
  });

  it('re-attaches the id of a saved policy re-created with the same content', () => {
    const base: DraftPolicy[] = [
      { key: 'a', id: 'p1', access: 'allow', permissionGroups: ['pgA', 'pgB'], resourceGroups: [{ id: 'rg1' }] },
      { key: 'b', id: 'p2', access: 'deny', permissionGroups: ['pgA'], resourceGroups: [{ id: 'rg1' }] },
    ];
    const draft: DraftPolicy[] = [
      { key: 'x', access: 'allow', permissionGroups: ['pgB', 'pgA'], resourceGroups: [{ id: 'rg1' }] },
      { key: 'y', access: 'allow', permissionGroups: ['pgB', 'pgA'], resourceGroups: [{ id: 'rg1' }] },
      { key: 'z', id: 'p2', access: 'deny', permissionGroups: ['pgA'], resourceGroups: [{ id: 'rg1' }] },
    ];
    expect(reattachIds(base, draft).map((p) => p.id)).toEqual(['p1', undefined, 'p2']);
  });
});

describe('problems found before sending', () => {
  it('flags a policy without permission groups or resource groups', () => {
    expect(
      draftProblems([
        { key: 'a', access: 'allow', permissionGroups: [], resourceGroups: [{ id: 'rg' }] },
        { key: 'b', access: 'allow', permissionGroups: ['pg'], resourceGroups: [{ id: 'rg' }] },
      ]),
    ).toEqual({ a: { permissionGroups: 'Choose at least one permission group' } });
  });

  it('flags a permission group outside the catalogue when the catalogue is given', () => {
    const policies = [{ key: 'a', access: 'allow' as const, permissionGroups: ['pg', 'pg-gone'], resourceGroups: [{ id: 'rg' }] }];
    expect(draftProblems(policies, new Set(['pg']))).toEqual({ a: { permissionGroups: expect.stringContaining('Unknown permission group pg-gone') } });
    expect(draftProblems(policies)).toEqual({});
  });
});

describe('request policies → draft', () => {
  it('gives each a fresh key and keeps its content', async () => {
    const { draftFromRequest } = await import('./policy-draft');
    const body = toRequestBody([{ key: 'a', access: 'deny', permissionGroups: ['pg'], resourceGroups: [{ id: 'rg' }] }]);
    const drafts = draftFromRequest(body.policies);
    expect(toRequestBody(drafts)).toEqual(body);
    expect(drafts[0]!.key).not.toBe('a');
  });
});
