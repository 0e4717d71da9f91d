import { listOf } from '../../../src/api/common-schema.ts';
import { groupMemberSchema, userGroupSchema } from '../../../src/api/user-groups/schema.ts';
import { resourceGroupSchema } from '../../../src/api/resource-groups/schema.ts';

const SCHEMAS = {
  user_group: userGroupSchema,
  resource_group: resourceGroupSchema,
  user_group_members: listOf(groupMemberSchema),
} as const;

/**
 * A resource's state as the journal keeps it: IAM states in the console's one internal model
 * (src/api/<resource>/schema.ts: a resource group's `scope` an array, permission-group meta with `label` and
 * `scopes`), whichever API era answered, so History and its reverts read one shape. A state that
 * does not parse is kept as it came (the journal records; it never refuses), and other resources
 * (SSO connectors, OAuth clients) are kept as they came.
 */
export function normalizeState(resourceType: string, state: unknown): unknown {
  if (state === null || state === undefined) return null;
  const schema = (SCHEMAS as Record<string, (typeof SCHEMAS)[keyof typeof SCHEMAS]>)[resourceType];
  if (!schema) return state;
  const parsed = schema.safeParse(state);
  if (!parsed.success) return state;
  // A group about to be deleted is recorded with its members (so it can be re-created).
  if (resourceType === 'user_group' && typeof state === 'object' && 'members' in state) {
    const members = listOf(groupMemberSchema).safeParse((state as { members: unknown }).members);
    return { ...parsed.data, members: members.success ? members.data : (state as { members: unknown }).members };
  }
  return parsed.data;
}
