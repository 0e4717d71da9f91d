import { describe, expect, it } from 'vitest';
import {
  accountKey,
  checkAccountKeyInput,
  checkZoneInput,
  coversWholeAccount,
  describeKey,
  parseKey,
  resourceGroupLabel,
  shortId,
  splitPastedKeys,
  summarizeScope,
  zoneIdsOf,
  zoneKey,
} from './scope-keys';

const ACCOUNT = 'eb78d65290b24279ba6f44721b3ea3c4';
const ZONE = '23f8d65290b24279ba6f44721b3eaad5';
const ZONE_KEY = `com.cloudflare.api.account.zone.${ZONE}`;
const ACCOUNT_KEY = `com.cloudflare.api.account.${ACCOUNT}`;

describe('building and parsing keys', () => {
  it('builds the keys the API documents', () => {
    expect(accountKey(ACCOUNT)).toBe(ACCOUNT_KEY);
    expect(zoneKey(ZONE)).toBe(ZONE_KEY);
  });

  it('parses account, zone and wildcard keys, and nothing else', () => {
    expect(parseKey(ACCOUNT_KEY)).toEqual({ kind: 'account', id: ACCOUNT });
    expect(parseKey(ZONE_KEY)).toEqual({ kind: 'zone', id: ZONE });
    expect(parseKey('*')).toEqual({ kind: 'wildcard' });
    expect(parseKey(ACCOUNT_KEY.toUpperCase())).toBeNull(); // the API wants lowercase hex
    expect(parseKey(`${ZONE_KEY}0`)).toBeNull();
    expect(parseKey('com.cloudflare.api.account.zone.')).toBeNull();
    expect(parseKey('')).toBeNull();
  });
});

describe('describing keys', () => {
  it('shortens ids to their first and last four characters', () => {
    expect(shortId(ZONE)).toBe('23f8…aad5');
    expect(shortId('abc')).toBe('abc');
  });

  it('names zones by short id and the current account by name', () => {
    expect(describeKey(ZONE_KEY)).toBe('Zone 23f8…aad5');
    expect(describeKey(ACCOUNT_KEY, { accountId: ACCOUNT, accountName: 'Acme Corp' })).toBe('Account Acme Corp');
    expect(describeKey(ACCOUNT_KEY, { accountId: 'f'.repeat(32), accountName: 'Other' })).toBe('Account eb78…a3c4');
    expect(describeKey('*')).toBe('All zones');
    expect(describeKey('not a key')).toBe('not a key');
  });

  it('names zones by domain once known, and says so when the account has no such zone', () => {
    const OTHER = 'b'.repeat(32);
    const names = {
      zone: (id: string) => (id === ZONE ? { state: 'found' as const, name: 'acme.com' } : id === OTHER ? { state: 'missing' as const } : undefined),
    };
    expect(describeKey(ZONE_KEY, names)).toBe('acme.com');
    expect(describeKey(zoneKey(OTHER), names)).toBe('Unknown zone bbbb…bbbb');
    expect(describeKey(zoneKey('c'.repeat(32)), names)).toBe('Zone cccc…cccc'); // still being looked up
    expect(summarizeScope({ key: ZONE_KEY, objects: [{ key: '*' }] }, names)).toBe('acme.com');
    expect(resourceGroupLabel({ id: 'x', name: ZONE_KEY }, names)).toBe('acme.com');
  });

  it('collects the zone ids of scopes, once each, inline zone scopes included', () => {
    const other = 'a'.repeat(32);
    expect(
      zoneIdsOf([
        { key: ACCOUNT_KEY, objects: [{ key: zoneKey(other) }, { key: ZONE_KEY }, { key: '*' }] },
        { key: ZONE_KEY, objects: [{ key: '*' }] },
        { key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] },
      ]),
    ).toEqual([ZONE, other].sort());
  });

  it('summarizes a scope in one line', () => {
    const names = { accountId: ACCOUNT, accountName: 'Acme Corp' };
    expect(summarizeScope({ key: ACCOUNT_KEY, objects: [{ key: '*' }] }, names)).toBe('Whole account (Acme Corp)');
    expect(summarizeScope({ key: ACCOUNT_KEY, objects: [{ key: ACCOUNT_KEY }] }, names)).toBe('Whole account (Acme Corp)');
    expect(summarizeScope({ key: ACCOUNT_KEY, objects: [{ key: ZONE_KEY }] }, names)).toBe('Zone 23f8…aad5');
    expect(summarizeScope({ key: ACCOUNT_KEY, objects: [{ key: ZONE_KEY }, { key: zoneKey('a'.repeat(32)) }] })).toBe('2 zones');
    expect(summarizeScope({ key: ZONE_KEY, objects: [{ key: '*' }] })).toBe('Zone 23f8…aad5');
    expect(summarizeScope({ key: ACCOUNT_KEY, objects: [{ key: 'odd' }] })).toBe('1 scope object');
  });

  it('tells a whole-account scope from a zone list', () => {
    expect(coversWholeAccount({ key: ACCOUNT_KEY, objects: [{ key: '*' }] })).toBe(true);
    expect(coversWholeAccount({ key: ACCOUNT_KEY, objects: [{ key: '*' }, { key: ZONE_KEY }] })).toBe(false);
    expect(coversWholeAccount({ key: ZONE_KEY, objects: [{ key: '*' }] })).toBe(false);
    expect(coversWholeAccount({ key: ACCOUNT_KEY, objects: [] })).toBe(false);
  });
});

describe('checking a zone as typed', () => {
  it('turns a bare zone id, in any case and with stray spaces, into its key', () => {
    expect(checkZoneInput(ZONE)).toEqual({ status: 'valid', key: ZONE_KEY });
    expect(checkZoneInput(`  ${ZONE.toUpperCase()} `)).toEqual({ status: 'valid', key: ZONE_KEY });
  });

  it('accepts a full zone key and lowercases its hex', () => {
    expect(checkZoneInput(ZONE_KEY)).toEqual({ status: 'valid', key: ZONE_KEY });
    expect(checkZoneInput(`com.cloudflare.api.account.zone.${ZONE.toUpperCase()}`)).toEqual({ status: 'valid', key: ZONE_KEY });
  });

  it('treats an unfinished id or key as partial, with progress', () => {
    expect(checkZoneInput('')).toEqual({ status: 'empty' });
    expect(checkZoneInput('23f8')).toMatchObject({ status: 'partial', message: expect.stringContaining('4 of 32') });
    expect(checkZoneInput('com.cloud')).toMatchObject({ status: 'partial' });
    expect(checkZoneInput('com.cloudflare.api.account.zone.23f8')).toMatchObject({
      status: 'partial',
      message: expect.stringContaining('4 of 32'),
    });
  });

  it('rejects what can never become a zone key', () => {
    expect(checkZoneInput(`${ZONE}ab`)).toMatchObject({ status: 'invalid', message: expect.stringContaining('34') });
    expect(checkZoneInput('example.com')).toMatchObject({ status: 'invalid' });
    expect(checkZoneInput('com.cloudflare.api.account.zone.xyz')).toMatchObject({ status: 'invalid' });
    expect(checkZoneInput(ACCOUNT_KEY)).toMatchObject({ status: 'invalid', message: expect.stringContaining('Whole account') });
    expect(checkZoneInput(`${ZONE_KEY}0`)).toMatchObject({ status: 'invalid' });
  });
});

describe('checking the scope key as typed', () => {
  it('accepts the current account key, or its bare id', () => {
    expect(checkAccountKeyInput(ACCOUNT_KEY, ACCOUNT)).toEqual({ status: 'valid', key: ACCOUNT_KEY });
    expect(checkAccountKeyInput(ACCOUNT, ACCOUNT)).toEqual({ status: 'valid', key: ACCOUNT_KEY });
    expect(checkAccountKeyInput(ACCOUNT_KEY)).toEqual({ status: 'valid', key: ACCOUNT_KEY });
  });

  it("refuses another account's key, since the API would", () => {
    const other = 'a'.repeat(32);
    expect(checkAccountKeyInput(accountKey(other), ACCOUNT)).toMatchObject({
      status: 'invalid',
      message: expect.stringContaining(ACCOUNT_KEY),
    });
    expect(checkAccountKeyInput(other, ACCOUNT)).toMatchObject({ status: 'invalid' });
  });

  it('says a zone key does not belong there', () => {
    expect(checkAccountKeyInput(ZONE_KEY, ACCOUNT)).toMatchObject({ status: 'invalid', message: expect.stringContaining('zones') });
    expect(checkAccountKeyInput('com.cloudflare.api.account.zo', ACCOUNT)).toMatchObject({ status: 'invalid' });
  });

  it('is partial while typing and invalid when malformed', () => {
    expect(checkAccountKeyInput('', ACCOUNT)).toEqual({ status: 'empty' });
    expect(checkAccountKeyInput('com.cloudflare.', ACCOUNT)).toMatchObject({ status: 'partial' });
    expect(checkAccountKeyInput('com.cloudflare.api.account.eb78', ACCOUNT)).toMatchObject({ status: 'partial' });
    expect(checkAccountKeyInput('com.cloudflare.api.account.not-hex', ACCOUNT)).toMatchObject({ status: 'invalid' });
    expect(checkAccountKeyInput('account', ACCOUNT)).toMatchObject({ status: 'invalid' });
  });
});

describe('splitting a pasted list', () => {
  it('splits on new lines, commas, semicolons and spaces and drops quotes', () => {
    expect(splitPastedKeys(`${ZONE}\n"${ZONE_KEY}", 'abc';  def\r\n`)).toEqual([ZONE, ZONE_KEY, 'abc', 'def']);
    expect(splitPastedKeys('  \n ')).toEqual([]);
  });
});

describe('labelling a resource group', () => {
  const names = { accountId: ACCOUNT, accountName: 'Acme Corp' };
  it('uses its name when it is a real name', () => {
    expect(resourceGroupLabel({ id: 'x', name: 'Production zones', scope: [] }, names)).toBe('Production zones');
  });
  it('describes the scope when the name is only a key, as in ad-hoc groups', () => {
    expect(resourceGroupLabel({ id: 'x', name: ACCOUNT_KEY, scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] }, names)).toBe(
      'Whole account (Acme Corp)',
    );
    expect(resourceGroupLabel({ id: 'x', name: ZONE_KEY }, names)).toBe('Zone 23f8…aad5');
    expect(resourceGroupLabel({ id: ZONE, name: '  ' })).toBe('Resource group 23f8…aad5');
  });
});

describe('Worker keys (TODAY.md row 27)', () => {
  const id = '0123456789abcdef0123456789abcdef';
  it('parses and names a Worker, and sums up a group of them', () => {
    expect(parseKey(`com.cloudflare.api.account.worker.${id}`)).toEqual({ kind: 'worker', id });
    expect(describeKey(`com.cloudflare.api.account.worker.${id}`)).toBe('Worker 0123…cdef');
    const account = `com.cloudflare.api.account.${'a'.repeat(32)}`;
    const one = { key: account, objects: [{ key: `com.cloudflare.api.account.worker.${id}` }] };
    expect(summarizeScope(one)).toBe('Worker 0123…cdef');
    expect(summarizeScope({ key: account, objects: [...one.objects, { key: `com.cloudflare.api.account.worker.${'b'.repeat(32)}` }] })).toBe('2 Workers');
  });
});
