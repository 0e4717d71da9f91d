import type { Db } from '../../sandbox/db/sql.ts';
import { BEARER, createTestSandbox } from '../../sandbox/test-support.ts';
import type { RequestBudget } from '../budget.ts';
import { createApiReader } from './api-reader.ts';
import type { MembershipSource } from './snapshot-source.ts';

/**
 * For tests: a default-seed sandbox and a reader of it, as the findings and the Terraform export
 * read /client/v4; `asked` is every path read, in order (query strings dropped).
 */
export function sandboxReader(budget?: RequestBudget) {
  const sandbox = createTestSandbox('default');
  const asked: string[] = [];
  const reader = () =>
    createApiReader((path) => {
      asked.push(path.split('?')[0]!);
      return Promise.resolve(sandbox.api.request(`/client/v4${path}`, { headers: BEARER }));
    }, budget);
  return { sandbox, asked, reader };
}

/**
 * For tests: the memberships straight from a sandbox database, in one query, where the real
 * app asks the membership index (index-memberships.ts). `noMembershipSource` is a source that
 * cannot answer, as the index before its first pass.
 */
export function sandboxMembershipSource(db: Db): MembershipSource {
  const rows = db.prepare(
    `SELECT m.user_group_id AS group_id, m.member_id AS member_id FROM user_group_members m
       JOIN user_groups g ON g.id = m.user_group_id WHERE g.account_id = ? ORDER BY m.user_group_id`,
  );
  return {
    async memberships(accountId) {
      const byGroup = new Map<string, string[]>();
      for (const row of rows.all(accountId) as Array<{ group_id: string; member_id: string }>) {
        const list = byGroup.get(row.group_id) ?? [];
        list.push(row.member_id);
        byGroup.set(row.group_id, list);
      }
      return { memberships: [...byGroup].map(([groupId, memberIds]) => ({ groupId, memberIds })), source: 'sandbox' };
    },
  };
}

export const noMembershipSource: MembershipSource = { memberships: async () => null };
