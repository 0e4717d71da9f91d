import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { resourceGroupsQuery } from '@/api/resource-groups/queries';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { PageHeader } from '@/components/layout/page-header';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { DebouncedInput } from '@/components/ui/debounced-input';
import { EmptyState } from '@/components/ui/empty-state';
import { onDemand } from '@/components/ui/on-demand';
import { useAccountId } from '@/stores/current-account';
import { searchResourceGroups } from '../search';
import { DeleteResourceGroupDialog } from './delete-resource-group-dialog';
import { ResourceGroupsTable } from './resource-groups-table';

/** The create/edit form (and the form library with it) comes when the browser is idle, or on first use. */
const formDialog = onDemand(() => import('./resource-group-form-dialog'));

export function ResourceGroupsPage({ search }: { search?: string }) {
  const accountId = useAccountId();
  const { data: groups } = useSuspenseQuery(resourceGroupsQuery(accountId));
  const names = useKeyNames(groups.flatMap((g) => g.scope));
  const navigate = useNavigate({ from: '/accounts/$accountId/resource-groups/' });
  const searchId = useId();
  const searchInput = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<ResourceGroup | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ResourceGroup | null>(null);
  const FormDialog = formDialog.useLoaded()?.ResourceGroupFormDialog;
  useEffect(() => {
    if (editing) void formDialog.load();
  }, [editing]);
  const shown = searchResourceGroups(groups, search, names);
  const setSearch = (q: string) => void navigate({ search: { q: q.trim() || undefined }, replace: true });

  const create = (
    <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
      Create resource group
    </button>
  );

  return (
    <div className="page">
      <PageHeader
        title="Resource groups"
        description="What a policy acts on: the whole account, or a set of its zones."
        actions={groups.length ? create : null}
      />
      {groups.length === 0 ? (
        <EmptyState title="No resource groups yet" action={create}>
          A policy grants permission groups on resource groups. Create one for the whole account, or for the zones a team looks
          after, then use it in a user group's policies.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar" role="search" aria-label="Search resource groups">
            <div className="field">
              <label htmlFor={searchId}>Search</label>
              <DebouncedInput
                id={searchId}
                ref={searchInput}
                type="search"
                className="input input-wide"
                value={search ?? ''}
                delay={150}
                placeholder="Name, domain, zone ID or key"
                spellCheck={false}
                autoComplete="off"
                onCommit={setSearch}
              />
            </div>
            <p className="muted toolbar-count" role="status">
              {search ? `${shown.length} of ${groups.length} resource groups` : `${groups.length} resource groups`}
            </p>
          </div>
          {shown.length ? (
            <ResourceGroupsTable groups={shown} names={names} onEdit={setEditing} onDelete={setDeleting} />
          ) : (
            <EmptyState
              title={`No resource group matches "${search}"`}
              action={
                <button type="button" className="btn" onClick={() => setSearch('')}>
                  Clear search
                </button>
              }
            >
              Search looks at names, zone domains, zone and account IDs and keys, and their short forms like "Zone 23f8".
            </EmptyState>
          )}
        </>
      )}
      {editing && FormDialog ? (
        <FormDialog group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? (
        <DeleteResourceGroupDialog
          group={deleting}
          onClose={(deleted) => {
            setDeleting(null);
            // The row and its Delete button are gone: put the keyboard somewhere sensible.
            if (deleted) requestAnimationFrame(() => searchInput.current?.focus());
          }}
        />
      ) : null}
    </div>
  );
}
