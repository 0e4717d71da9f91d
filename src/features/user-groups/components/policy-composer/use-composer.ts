import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { allPermissionGroupsQuery } from '@/api/permission-groups/queries';
import { resourceGroupsQuery } from '@/api/resource-groups/queries';
import { userGroupQuery } from '@/api/user-groups/queries';
import type { PermissionGroup } from '@/api/permission-groups/schema';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import type { UserGroup } from '@/api/user-groups/schema';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { draftFromServer, isInlineRef, samePolicies, type DraftPolicy, type ResourceRef } from '@/lib/policy-draft';
import { resourceGroupLabel, scopesOfPolicies, summarizeScope, type KeyNames, type ScopeLike } from '@/lib/scope-keys';
import { draftKey, hasSideEffects, usePolicyDrafts, type PolicyDraft } from '@/stores/policy-drafts';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';
import { pluralize } from '@/lib/format';
import { deleteDraftResourceGroups } from '@/features/user-groups/policy-api';

export interface ResolvedResource {
  label: string;
  /** "3 zones", "Whole account (Acme Corp)"; absent when the group is unknown. */
  detail?: string;
  scope?: ScopeLike[];
  inline: boolean;
}

export interface Lookups {
  permissionGroup: (id: string) => PermissionGroup;
  resource: (ref: ResourceRef) => ResolvedResource;
  /** Zone domains (and the account's name) for what the policies reach. */
  names: KeyNames;
}

/**
 * Everything the composer edits and shows: the saved group, the draft (if any) and its base, and
 * lookups that name permission and resource groups. The data is loaded by the route's loader.
 */
export function useComposer(groupId: string) {
  const accountId = useAccountId();
  const { data: group } = useSuspenseQuery(userGroupQuery(accountId, groupId));
  const { data: catalogue } = useSuspenseQuery(allPermissionGroupsQuery(accountId));
  const { data: resourceGroups } = useSuspenseQuery(resourceGroupsQuery(accountId));
  const key = draftKey(accountId, groupId);
  const draft = usePolicyDrafts((s) => s.drafts[key]);
  const store = usePolicyDrafts;
  const qc = useQueryClient();

  const saved = useMemo(() => draftFromServer(group.policies), [group]);
  const policies = draft?.policies ?? saved;
  const base: PolicyDraft['base'] = useMemo(
    () => draft?.base ?? { modifiedOn: group.modified_on, policies: saved },
    [draft?.base, group.modified_on, saved],
  );
  // Members to add or resource groups to clean up make a draft worth keeping (and asking about).
  // JSON typed in the JSON view that does not parse yet is work too: kept, and asked about.
  const dirty = Boolean(draft) && (!samePolicies(draft!.policies, draft!.base.policies) || hasSideEffects(draft) || draft!.jsonText !== undefined);
  /** The API's group moved on since the draft began (someone saved, renamed, or changed members). */
  const stale = Boolean(draft) && draft!.base.modifiedOn !== group.modified_on;

  // Every zone the composer may show: in the account's groups, the saved policies and the draft's inline scopes.
  const scopes = useMemo(
    () => [
      ...resourceGroups.flatMap((rg) => rg.scope),
      ...scopesOfPolicies(group.policies),
      ...policies.flatMap((p) => p.resourceGroups.flatMap((ref) => (isInlineRef(ref) ? [ref.scope] : []))),
    ],
    [resourceGroups, group.policies, policies],
  );
  const names = useKeyNames(scopes);
  const lookups = useMemo(() => buildLookups(group, catalogue, resourceGroups, names), [group, catalogue, resourceGroups, names]);

  /** Back to exactly what is saved, with nothing else pending: no draft to keep. */
  const dropIfClean = useCallback(() => {
    const now = store.getState().drafts[key];
    if (now && !hasSideEffects(now) && now.jsonText === undefined && now.base.modifiedOn === group.modified_on && samePolicies(now.policies, now.base.policies)) {
      store.getState().discard(key);
    }
  }, [store, key, group.modified_on]);
  const edit = useCallback(
    (update: (policies: DraftPolicy[]) => DraftPolicy[]) => {
      store.getState().edit(key, base, update);
      dropIfClean();
    },
    [store, key, base, dropIfClean],
  );
  /** The JSON view's text that does not parse (kept as typed), or null once it parses. */
  const keepJsonText = useCallback(
    (text: string | null) => {
      store.getState().keepJsonText(key, base, text);
      if (text === null) dropIfClean();
    },
    [store, key, base, dropIfClean],
  );
  const put = useCallback((next: Omit<PolicyDraft, 'updatedAt'>) => store.getState().put(key, next), [store, key]);
  /** Throws the draft away, and deletes the resource groups it created that no saved policy uses. */
  const discard = useCallback(() => {
    const created = store.getState().drafts[key]?.createdResourceGroups ?? [];
    store.getState().discard(key);
    const used = new Set((group.policies ?? []).flatMap((p) => (p.resource_groups ?? []).map((rg) => rg.id)));
    const orphans = created.filter((rg) => !used.has(rg.id));
    if (!orphans.length) return;
    void deleteDraftResourceGroups(qc, accountId, orphans).then(({ deleted, failed }) => {
      if (deleted) notify.info(`Deleted ${pluralize(deleted, 'resource group')} created for the draft`, orphans.map((g) => g.name).join(', '));
      if (failed.length) notify.error('Could not delete a resource group created for the draft', `${failed.join(', ')}: delete it under Resource groups.`);
    });
  }, [store, key, group.policies, qc, accountId]);
  /** After a save: the draft is done, and what it created is in use now. */
  const clearAfterSave = useCallback(() => store.getState().discard(key), [store, key]);
  const trackCreated = useCallback(
    (rg: { id: string; name: string }) => store.getState().track(key, base, { createdResourceGroups: [rg] }),
    [store, key, base],
  );

  return { accountId, group, catalogue, resourceGroups, draft, saved, policies, base, dirty, stale, names, lookups, edit, keepJsonText, put, discard, clearAfterSave, trackCreated };
}

export type Composer = ReturnType<typeof useComposer>;

function buildLookups(
  group: UserGroup,
  catalogue: PermissionGroup[],
  resourceGroups: ResourceGroup[],
  names: KeyNames,
): Lookups {
  const pgs = new Map<string, PermissionGroup>();
  const rgs = new Map<string, ResourceGroup>();
  // The group's own policies embed full objects: a fallback for anything the lists lack.
  for (const p of group.policies ?? []) {
    for (const pg of p.permission_groups ?? []) pgs.set(pg.id, pg);
    for (const rg of p.resource_groups ?? []) rgs.set(rg.id, rg);
  }
  for (const pg of catalogue) pgs.set(pg.id, pg);
  for (const rg of resourceGroups) rgs.set(rg.id, rg);
  return {
    names,
    permissionGroup: (id) => pgs.get(id) ?? { id, name: `Unknown permission group ${id}` },
    resource: (ref) => {
      if (isInlineRef(ref)) {
        const scope = [ref.scope];
        return { label: `Inline: ${summarizeScope(ref.scope, names)}`, detail: 'created when you save', scope, inline: true };
      }
      const rg = rgs.get(ref.id);
      if (!rg) return { label: `Unknown resource group ${ref.id}`, inline: false };
      const label = resourceGroupLabel(rg, names);
      const first = rg.scope[0];
      const detail = first ? summarizeScope(first, names) : undefined;
      return { label, detail: detail === label ? undefined : detail, scope: rg.scope, inline: false };
    },
  };
}
