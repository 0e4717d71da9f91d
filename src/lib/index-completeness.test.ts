import { describe, expect, it } from 'vitest';
import { completenessText, isComplete } from './index-completeness';

const at = new Date(2026, 11, 7, 12, 4);

describe('completenessText', () => {
  it('says what is read of what the API holds', () => {
    const index = { members: 2650, groups_indexed: 3100, totals: { members: 5200, groups: 10027 }, members_listed: false };
    expect(completenessText(index, at)).toBe('2,650 of 5,200 members, 3,100 of 10,027 groups read — as of 12:04');
    expect(isComplete(index)).toBe(false);
  });
  it('does not guess a total the API has not stated', () => {
    expect(completenessText({ members: 0, groups_indexed: 0, totals: { members: null, groups: null }, members_listed: false }, at)).toBe(
      '0 members, 0 groups read — as of 12:04',
    );
  });
  it('is complete once every member and every group is read', () => {
    expect(isComplete({ members: 5200, groups_indexed: 10027, totals: { members: 5200, groups: 10027 }, members_listed: true })).toBe(true);
  });
});
