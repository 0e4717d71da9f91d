import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { TerraformPage } from '@/features/terraform/components/terraform-page';
import { optionalEnum, optionalText } from '@/lib/search-params';

const date = z.catch(z.optional(z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/))), undefined);

/** `groups`: comma-separated group ids; `history=1` with History's own filter names: the groups it shows. */
const searchSchema = z.object({
  groups: optionalText(20_000),
  history: z.catch(z.optional(z.literal('1')), undefined),
  resource_type: optionalEnum(['user_group', 'user_group_members'] as const),
  resource_id: optionalText(64),
  actor: optionalText(),
  action: optionalText(64),
  since: date,
  before: date,
});

export const Route = createFileRoute('/accounts/$accountId/terraform')({
  validateSearch: searchSchema,
  component: function TerraformRoute() {
    const search = Route.useSearch();
    const groups = (search.groups ?? '').split(',').filter((id) => /^[0-9a-f]{32}$/.test(id));
    if (search.history) {
      const { resource_type, resource_id, actor, action, since, before } = search;
      return <TerraformPage scope={{ history: { resource_type, resource_id, actor, action, since, before } }} scopeLabel="the groups in your History filter" />;
    }
    if (groups.length) return <TerraformPage scope={{ groups }} scopeLabel={groups.length === 1 ? 'this group' : `${groups.length} selected groups`} />;
    return <TerraformPage scope={{}} scopeLabel="the whole account" />;
  },
});
