/**
 * How much of the account the membership index has read, in words: "2,650 of 5,200 members,
 * 3,100 of 10,027 groups read — as of 12:04". A total the API has not stated yet is not guessed:
 * the count read so far stands alone. Pure, so every index-fed view says it the same way.
 */
export interface Completeness {
  members: number;
  groups_indexed: number;
  totals: { members: number | null; groups: number | null };
  members_listed: boolean;
}

const n = (v: number) => v.toLocaleString('en-US');

function part(read: number, total: number | null, noun: string): string {
  return total === null ? `${n(read)} ${noun}` : `${n(Math.min(read, total))} of ${n(total)} ${noun}`;
}

export function completenessText(index: Completeness, at: Date): string {
  const members = part(index.members, index.totals.members, 'members');
  const groups = part(index.groups_indexed, index.totals.groups, 'groups');
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${members}, ${groups} read — as of ${time}`;
}

/** Whether the index holds every member and every group's members (nothing said is partial). */
export function isComplete(index: Completeness): boolean {
  return index.members_listed && index.totals.groups !== null && index.groups_indexed >= index.totals.groups;
}
