import { expect, test } from './support/fixtures.ts';
import { freshIndex } from './support/membership-index.ts';
import { bulkAddWithEnd, endsOf, GROUPS, memberIds, newGroup, someAcceptedMember } from './support/time-bound.ts';

/**
 * Adding someone to several groups with an end, when one group refuses: the groups that took
 * them keep the end, so nobody keeps access for good because another group failed.
 */
test('a bulk add with an end that fails on one group still ends the access it gave', async ({ page, api }) => {
  const person = await someAcceptedMember(api, 7);
  const [kept, gone] = await Promise.all([newGroup(api, 'E2E Partial A'), newGroup(api, 'E2E Partial B')]);
  await freshIndex(page.request);
  const bulk = await bulkAddWithEnd(page, person.user.email, 'E2E Partial', [kept, gone], 'After 1 day');

  // Someone else deletes the second group while the dialog is open: adding to it is refused.
  expect((await api.delete(`${GROUPS}/${gone.id}`)).success).toBe(true);
  await bulk.getByRole('button', { name: 'Add (2 requests)' }).click();
  await expect(bulk.getByRole('alert')).toBeVisible();

  expect(await memberIds(api, kept.id)).toEqual([person.id]);
  await expect.poll(async () => (await endsOf(page, kept.id)).map((e) => e.member_id)).toEqual([person.id]);
  const [end] = await endsOf(page, kept.id);
  expect(Date.parse(end!.ends_at) - Date.now()).toBeGreaterThan(23 * 3_600_000);
});
