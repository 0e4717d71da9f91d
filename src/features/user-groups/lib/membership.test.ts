import { describe, expect, it } from 'vitest';
import { parseEmailList } from './email-list';
import {
  describeRefused,
  diffMembership,
  explainMemberRefusal,
  idsAtPointers,
  previewAdd,
  previewReplace,
  refusalsByPerson,
  sameMembers,
  type Person,
} from './membership';

const ana: Person = { id: 'a1', email: 'ana@acme.com' };
const bo: Person = { id: 'b2', email: 'bo@acme.com' };
const cy: Person = { id: 'c3', email: 'cy@acme.com' };
const dee: Person = { id: 'd4', email: 'dee@acme.com' };
const account = new Map([ana, bo, cy, dee].map((p) => [p.email, p]));

describe('previewAdd', () => {
  it('sorts a paste into to add / already in / not in the account / invalid', () => {
    const list = parseEmailList('ANA@acme.com\nbo@acme.com\nzed@acme.com\nnope\ncy@acme.com\nbo@acme.com');
    const preview = previewAdd(list, account, new Set(['b2']));
    expect(preview.toAdd).toEqual([ana, cy]);
    expect(preview.alreadyInGroup).toEqual([bo]);
    expect(preview.notAccountMembers).toEqual(['zed@acme.com']);
    expect(preview.invalid).toEqual([{ input: 'nope', reason: 'not an email address' }]);
    expect(preview.repeated).toEqual(['bo@acme.com']);
  });

  it('adds nobody when everyone is already in the group', () => {
    const preview = previewAdd(parseEmailList('ana@acme.com bo@acme.com'), account, new Set(['a1', 'b2']));
    expect(preview.toAdd).toEqual([]);
    expect(preview.alreadyInGroup).toHaveLength(2);
  });
});

describe('diffMembership', () => {
  it('lists who is added, removed and kept', () => {
    expect(diffMembership([ana, bo, cy], [cy, dee, ana])).toEqual({ added: [dee], removed: [bo], kept: [cy, ana] });
  });

  it('an empty next membership removes everyone; an empty current adds everyone', () => {
    expect(diffMembership([ana, bo], [])).toEqual({ added: [], removed: [ana, bo], kept: [] });
    expect(diffMembership([], [ana, ana])).toEqual({ added: [ana], removed: [], kept: [] });
  });
});

describe('previewReplace', () => {
  it('blocks a replace while any line is unresolved, so nobody is dropped by a typo', () => {
    const preview = previewReplace(parseEmailList('ana@acme.com\ncy@acme.con\ndee@acme.com'), account, [ana, cy]);
    expect(preview.added).toEqual([dee]);
    expect(preview.removed).toEqual([cy]);
    expect(preview.notAccountMembers).toEqual(['cy@acme.con']);
    expect(preview.blocked).toBe(true);
  });

  it('allows a clean replace, including emptying the group', () => {
    const preview = previewReplace(parseEmailList(''), account, [ana, bo]);
    expect(preview).toMatchObject({ added: [], removed: [ana, bo], blocked: false });
  });
});

describe('sameMembers', () => {
  it('ignores order and notices any change', () => {
    expect(sameMembers([ana, bo], [bo, ana])).toBe(true);
    expect(sameMembers([ana, bo], [ana, cy])).toBe(false);
    expect(sameMembers([ana], [ana, bo])).toBe(false);
  });
});

describe('idsAtPointers', () => {
  it('names the id each /i/id pointer refers to', () => {
    const found = idsAtPointers(['x', 'y', 'z'], ['/2/id', '/0', '/9/id', '/name']);
    expect([...found]).toEqual([
      ['/2/id', 'z'],
      ['/0', 'x'],
    ]);
  });
});

describe('describeRefused', () => {
  it('names the person behind each refused position and ignores errors without one', () => {
    const errors = [
      { message: '[1].id: "b2" is not a member of this account', pointer: '/1/id' },
      { message: 'Internal error' },
    ];
    expect(describeRefused(errors, [ana, bo])).toEqual(['bo@acme.com: [1].id: "b2" is not a member of this account']);
  });
});

describe('refusalsByPerson (TODAY.md row 12: "do not have DSR enabled")', () => {
  it('puts each refusal on the person it points at, in words for DSR', () => {
    const errors = [{ message: 'Invalid request: members do not have DSR enabled: b2', pointer: '/1/id' }, { message: 'Internal error' }];
    const byPerson = refusalsByPerson(errors, ['a1', 'b2']);
    expect([...byPerson.keys()]).toEqual(['b2']);
    expect(byPerson.get('b2')).toMatch(/^Cannot join user groups yet: Cloudflare has not enabled group membership \(DSR\) for this person/);
    expect(byPerson.get('b2')).toContain('(API: Invalid request: members do not have DSR enabled: b2)');
    expect(describeRefused(errors, [ana, bo])[0]).toMatch(/^bo@acme\.com: Cannot join user groups yet/);
  });

  it('keeps any other refusal as the API worded it', () => {
    expect(explainMemberRefusal('[0].id: "x" is not a member of this account')).toBe('[0].id: "x" is not a member of this account');
  });
});
