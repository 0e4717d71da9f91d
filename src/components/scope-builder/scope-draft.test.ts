import { describe, expect, it } from 'vitest';
import {
  draftToScope,
  draftZoneIds,
  emptyScopeDraft,
  hasScopeErrors,
  mergeScopeErrors,
  sameScope,
  scopeErrorsFromApi,
  scopeToDraft,
  toggleDraftZone,
  validateScopeDraft,
  type ScopeDraft,
} from './scope-draft';

const ACCOUNT = 'eb78d65290b24279ba6f44721b3ea3c4';
const ACCOUNT_KEY = `com.cloudflare.api.account.${ACCOUNT}`;
const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;

const zonesDraft = (...zones: string[]): ScopeDraft => ({ key: ACCOUNT_KEY, coverage: 'zones', zones });

describe('scope ⇄ draft', () => {
  it('starts as the whole current account', () => {
    expect(emptyScopeDraft(ACCOUNT)).toEqual({ key: ACCOUNT_KEY, coverage: 'account', zones: [] });
    expect(scopeToDraft(undefined, ACCOUNT)).toEqual(emptyScopeDraft(ACCOUNT));
  });

  it('reads whole-account and zone scopes', () => {
    expect(scopeToDraft({ key: ACCOUNT_KEY, objects: [{ key: '*' }] }, ACCOUNT).coverage).toBe('account');
    expect(scopeToDraft({ key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] }, ACCOUNT).coverage).toBe('account');
    expect(scopeToDraft({ key: ACCOUNT_KEY, objects: [{ key: zone('a') }, { key: zone('b') }] }, ACCOUNT)).toEqual(
      zonesDraft(zone('a'), zone('b')),
    );
  });

  it('sends the whole account as "*" and zones in row order, bare ids turned into keys', () => {
    expect(draftToScope(emptyScopeDraft(ACCOUNT))).toEqual({ key: ACCOUNT_KEY, objects: [{ key: '*' }] });
    expect(draftToScope(zonesDraft('B'.repeat(32), ` ${zone('a')} `))).toEqual({
      key: ACCOUNT_KEY,
      objects: [{ key: zone('b') }, { key: zone('a') }],
    });
    expect(draftToScope({ key: ACCOUNT, coverage: 'zones', zones: ['junk'] })).toEqual({ key: ACCOUNT_KEY, objects: [{ key: 'junk' }] });
  });

  it('keeps the zone list when switching to the whole account, but does not send it', () => {
    const draft: ScopeDraft = { ...zonesDraft(zone('a')), coverage: 'account' };
    expect(draftToScope(draft).objects).toEqual([{ key: '*' }]);
    expect(draft.zones).toEqual([zone('a')]);
  });

  it('compares scopes regardless of object order', () => {
    const a = { key: ACCOUNT_KEY, objects: [{ key: zone('a') }, { key: zone('b') }] };
    expect(sameScope(a, { key: ACCOUNT_KEY, objects: [{ key: zone('b') }, { key: zone('a') }] })).toBe(true);
    expect(sameScope(a, { key: ACCOUNT_KEY, objects: [{ key: zone('a') }] })).toBe(false);
    expect(sameScope({ key: ACCOUNT_KEY, objects: [{ key: '*' }] }, { key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] })).toBe(true);
  });
});

describe('validating a draft', () => {
  it('accepts a complete draft', () => {
    expect(hasScopeErrors(validateScopeDraft(emptyScopeDraft(ACCOUNT), ACCOUNT, { complete: true }))).toBe(false);
    expect(hasScopeErrors(validateScopeDraft(zonesDraft(zone('a'), 'b'.repeat(32)), ACCOUNT, { complete: true }))).toBe(false);
  });

  it('while typing, flags only what cannot become valid', () => {
    const errors = validateScopeDraft(zonesDraft('', '23f8', 'example.com'), ACCOUNT, { complete: false });
    expect(errors.zones).toEqual({ 2: expect.stringContaining('zone ID') });
    expect(errors.coverage).toBeUndefined();
  });

  it('on save, flags empty and unfinished rows and an empty list', () => {
    const errors = validateScopeDraft(zonesDraft('', '23f8'), ACCOUNT, { complete: true });
    expect(errors.zones?.[0]).toMatch(/remove this row/);
    expect(errors.zones?.[1]).toMatch(/Incomplete.*4 of 32/);
    expect(validateScopeDraft(zonesDraft(), ACCOUNT, { complete: true }).coverage).toMatch(/at least one zone/);
    expect(validateScopeDraft({ ...emptyScopeDraft(ACCOUNT), key: '' }, ACCOUNT, { complete: true }).key).toContain(ACCOUNT_KEY);
  });

  it('flags a zone listed twice, even when written differently', () => {
    const errors = validateScopeDraft(zonesDraft(zone('a'), 'A'.repeat(32)), ACCOUNT, { complete: false });
    expect(errors.zones).toEqual({ 1: 'Zone 1 is the same zone' });
  });

  it("flags another account's key", () => {
    const errors = validateScopeDraft({ ...emptyScopeDraft(ACCOUNT), key: `com.cloudflare.api.account.${'f'.repeat(32)}` }, ACCOUNT, {
      complete: false,
    });
    expect(errors.key).toMatch(/another account/);
  });
});

describe("placing the API's errors", () => {
  it('puts /scope/objects/N/key on row N, /scope/key on the key and /scope on the whole', () => {
    const errors = scopeErrorsFromApi(
      {
        '/name': 'name: taken',
        '/scope/key': 'scope.key: bad',
        '/scope/objects/1/key': 'scope.objects[1].key: bad',
        '/scope': 'scope: must stay account-wide',
      },
      '/scope',
      zonesDraft(zone('a'), 'x'),
    );
    expect(errors).toEqual({ key: 'scope.key: bad', zones: { 1: 'scope.objects[1].key: bad' }, general: 'scope: must stay account-wide' });
  });

  it('puts an object error on the coverage choice when the whole account was sent', () => {
    expect(scopeErrorsFromApi({ '/scope/objects/0/key': 'bad' }, '/scope', emptyScopeDraft(ACCOUNT))).toEqual({ coverage: 'bad' });
  });

  it('works under a nested prefix and ignores other fields', () => {
    const prefix = '/policies/0/resource_groups/1/scope';
    expect(scopeErrorsFromApi({ [`${prefix}/objects/0/key`]: 'bad' }, prefix, zonesDraft('x'))).toEqual({ zones: { 0: 'bad' } });
    expect(scopeErrorsFromApi({ '/name': 'taken', '/scopes': 'other' }, '/scope', zonesDraft('x'))).toBeNull();
  });

  it('lets earlier sources win when merging', () => {
    expect(mergeScopeErrors({ zones: { 0: 'api' } }, { key: 'live', zones: { 0: 'live', 1: 'live' } }, null)).toEqual({
      key: 'live',
      zones: { 0: 'api', 1: 'live' },
    });
  });
});

describe('choosing zones in the picker', () => {
  const A = 'a'.repeat(32);
  const B = 'b'.repeat(32);

  it('fills the first empty row, then adds rows, and covers zones', () => {
    const start: ScopeDraft = { key: ACCOUNT_KEY, coverage: 'account', zones: [''] };
    const one = toggleDraftZone(start, A, true);
    expect(one).toEqual({ key: ACCOUNT_KEY, coverage: 'zones', zones: [zone('a')] });
    expect(toggleDraftZone(one, B, true).zones).toEqual([zone('a'), zone('b')]);
  });

  it('does not add a zone twice, however the row writes it', () => {
    const typed = zonesDraft(A.toUpperCase());
    expect(toggleDraftZone(typed, A, true).zones).toEqual([A.toUpperCase()]);
    expect(draftZoneIds(zonesDraft(A, zone('a'), '23f8', 'junk'))).toEqual([A]);
  });

  it('unchecking removes every row naming the zone and keeps the rest as typed', () => {
    const draft = zonesDraft(A, 'partial', zone('b'), zone('a'));
    expect(toggleDraftZone(draft, A, false).zones).toEqual(['partial', zone('b')]);
  });
});
