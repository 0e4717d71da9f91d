import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { isApiError } from '@/api/api-error';
import { createResourceGroup, deleteResourceGroup, updateResourceGroup } from '@/api/resource-groups/endpoints';
import { resourceGroupKeys, resourceGroupQuery, resourceGroupsQuery } from '@/api/resource-groups/queries';
import { allUserGroupsQuery, userGroupKeys } from '@/api/user-groups/queries';
import type { ResourceGroup, ScopeInput } from '@/api/resource-groups/schema';
import { pluralize } from '@/lib/format';
import { policiesUsingResourceGroup } from '@/lib/policy-references';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';

function errorText(error: unknown): string {
  return isApiError(error) ? error.message : error instanceof Error ? error.message : String(error);
}

const byName = (a: ResourceGroup, b: ResourceGroup) =>
  (a.name ?? a.id).localeCompare(b.name ?? b.id, undefined, { sensitivity: 'base' });

/**
 * User groups embed the resource groups of their policies (name and scope included), so a change
 * to one makes those answers stale. Details are refreshed for the groups known to use it (every
 * detail when that is not known yet); lists and the all-groups index only when shown.
 */
function invalidateUserGroupsUsing(queryClient: QueryClient, accountId: string, resourceGroupId: string) {
  const everyGroup = queryClient.getQueryData(allUserGroupsQuery(accountId).queryKey);
  const users = everyGroup ? policiesUsingResourceGroup(everyGroup, resourceGroupId) : null;
  void queryClient.invalidateQueries({ queryKey: userGroupKeys.lists(accountId) });
  void queryClient.invalidateQueries({ queryKey: userGroupKeys.allPages(accountId) });
  if (!users) void queryClient.invalidateQueries({ queryKey: [...userGroupKeys.all(accountId), 'detail'] });
  else for (const u of users) void queryClient.invalidateQueries({ queryKey: userGroupKeys.detail(accountId, u.group.id), exact: true });
}

export interface ResourceGroupBody {
  name?: string;
  scope?: ScopeInput;
}

export function useCreateResourceGroup() {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async (body: Required<ResourceGroupBody>) => (await createResourceGroup(accountId, body)).result,
    onSuccess: (group) => {
      queryClient.setQueryData(resourceGroupQuery(accountId, group.id).queryKey, group);
      // Show it at once from the response; the refetch confirms the server's order.
      queryClient.setQueryData(resourceGroupsQuery(accountId).queryKey, (old) => (old ? [...old, group].sort(byName) : old));
      void queryClient.invalidateQueries({ queryKey: resourceGroupKeys.list(accountId) });
      notify.success(`Resource group "${group.name ?? group.id}" created`);
    },
    // No failure toast: the form stays open and shows the API's errors beside their fields; a
    // toast would sit over the form's buttons and is hidden from screen readers under the modal.
  });
}

export function useUpdateResourceGroup() {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async ({ id, body }: { id: string; body: ResourceGroupBody }) => (await updateResourceGroup(accountId, id, body)).result,
    onSuccess: (group) => {
      queryClient.setQueryData(resourceGroupQuery(accountId, group.id).queryKey, group);
      queryClient.setQueryData(resourceGroupsQuery(accountId).queryKey, (old) =>
        old?.map((g) => (g.id === group.id ? group : g)).sort(byName),
      );
      void queryClient.invalidateQueries({ queryKey: resourceGroupKeys.list(accountId) });
      invalidateUserGroupsUsing(queryClient, accountId, group.id);
      notify.success(`Resource group "${group.name ?? group.id}" saved`);
    },
    // Failures show in the form, as for create.
  });
}

export interface DeleteResourceGroupVars {
  group: ResourceGroup;
  /** What the confirmation showed, for the success message. */
  policyCount: number | null;
}

/** Optimistic: the row leaves the list at once and comes back if the API refuses. */
export function useDeleteResourceGroup() {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const listKey = resourceGroupsQuery(accountId).queryKey;
  return useGuardedMutation({
    mutationFn: async ({ group }: DeleteResourceGroupVars) => (await deleteResourceGroup(accountId, group.id)).result,
    onMutate: async ({ group }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const previous = queryClient.getQueryData(listKey);
      queryClient.setQueryData(listKey, (old) => old?.filter((g) => g.id !== group.id));
      return { previous };
    },
    onError: (error, { group }, context) => {
      if (context?.previous) queryClient.setQueryData(listKey, context.previous);
      notify.error(`"${group.name ?? group.id}" was not deleted`, `It is back in the list. ${errorText(error)}`);
    },
    onSuccess: (_deleted, { group, policyCount }) => {
      queryClient.removeQueries({ queryKey: resourceGroupKeys.detail(accountId, group.id), exact: true });
      invalidateUserGroupsUsing(queryClient, accountId, group.id);
      notify.success(
        `Resource group "${group.name ?? group.id}" deleted`,
        policyCount ? `Removed from ${pluralize(policyCount, 'policy', 'policies')}.` : undefined,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}
