import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { lockedProps, useGroupManaged } from '../scim-managed';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { groupMembersQuery, userGroupQuery } from '@/api/user-groups/queries';
import { memberNamesQuery } from '@/api/membership-index';
import type { GroupMember } from '@/api/user-groups/schema';
import { DebouncedInput } from '@/components/ui/debounced-input';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorBanner } from '@/components/ui/error-banner';
import { Pagination } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { useMembersPutBack } from '@/stores/members-put-back';
import { useKeyboard } from '@/stores/keyboard';
import { useRemoveGroupMembers } from '../api';
import { GROUP_PAGE_SIZES, type GroupMembersSearch, type GroupPageSize } from '../search-params';
import { AddMembersDialog } from './add-members-dialog';
import { MemberDetailDialog } from './member-detail-dialog';
import { MembersTable } from './members-table';
import { PasteMembersDialog } from './paste-members-dialog';
import { RemoveMembersDialog } from './remove-members-dialog';
import { ReplaceMembersDialog } from './replace-members-dialog';
import { GroupTimeBound } from './group-time-bound';

type OpenDialog = 'add' | 'paste' | 'replace' | null;

/** The Members tab: who is in the group, and every way to change that. */
export function GroupMembers({ groupId, search }: { groupId: string; search: GroupMembersSearch }) {
  const accountId = useAccountId();
  const navigate = useNavigate({ from: '/accounts/$accountId/groups/$groupId/members' });
  const { data: group } = useSuspenseQuery(userGroupQuery(accountId, groupId));
  const direction = search.direction ?? 'asc';
  const params = { page: search.page, per_page: search.per_page, fuzzyEmail: search.q, direction: search.direction };
  const { data, error, isPlaceholderData, refetch } = useQuery(groupMembersQuery(accountId, groupId, params));
  const remove = useRemoveGroupMembers(groupId);
  const managed = useGroupManaged(accountId, groupId);
  // "Add ‹person› to ‹group›" from the palette: the add dialog opens with them ticked.
  const [prefill] = useState(() => {
    const request = useKeyboard.getState().addMemberTo;
    return request?.groupId === groupId ? request.person : null;
  });
  useEffect(() => {
    if (prefill) useKeyboard.getState().requestAddMember(null);
  }, [prefill]);
  // Terraform drift's "Put the account back": the Replace dialog opens with the code's members.
  const [putBack, setPutBack] = useState(() => {
    const request = useMembersPutBack.getState().request;
    return request?.groupId === groupId ? request.emails.join('\n') : null;
  });
  useEffect(() => {
    if (putBack !== null) useMembersPutBack.getState().put(null);
  }, [putBack]);
  const [dialog, setDialog] = useState<OpenDialog>(prefill ? 'add' : putBack !== null ? 'replace' : null);
  const [selected, setSelected] = useState<Map<string, GroupMember>>(new Map());
  const [toRemove, setToRemove] = useState<GroupMember[]>([]);
  const searchId = useId();

  const setSearch = (patch: Partial<GroupMembersSearch>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace });

  const members = data?.result ?? [];
  const total = data?.resultInfo?.total_count ?? members.length;
  // Names are not in the API's member list: the index has them, one call per page (no API request).
  const names = useQuery({ ...memberNamesQuery(accountId, members.map((m) => m.id)), enabled: members.length > 0 });
  const namesState = names.isPending || names.isPlaceholderData ? 'loading' : names.isError ? 'failed' : 'read';
  // Until the first answer for this group arrives, `data` may be another group's placeholder.
  const busy = isPlaceholderData;

  const select = (list: GroupMember[], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const m of list) {
        if (on) next.set(m.id, m);
        else next.delete(m.id);
      }
      return next;
    });

  const confirmRemove = () => {
    const list = toRemove;
    remove.mutate({ members: list });
    setSelected((prev) => {
      const next = new Map(prev);
      for (const m of list) next.delete(m.id);
      return next;
    });
    setToRemove([]);
  };

  const actions = (
    <div className="ug-members-actions" role="group" aria-label="Change members">
      <button type="button" className="btn btn-primary" {...(managed ? lockedProps(groupId) : { onClick: () => setDialog('add') })}>
        Add members
      </button>
      <button type="button" className="btn" {...(managed ? lockedProps(groupId) : { onClick: () => setDialog('paste') })}>
        Add by email list
      </button>
      <button type="button" className="btn" {...(managed ? lockedProps(groupId) : { onClick: () => setDialog('replace') })}>
        Replace all…
      </button>
    </div>
  );

  return (
    <section aria-labelledby="members-heading">
      <div className="ug-section-header">
        <h2 id="members-heading">Members</h2>
        {actions}
      </div>

      <div className="toolbar">
        <div className="field">
          <label htmlFor={searchId}>Search by email</label>
          <DebouncedInput
            id={searchId}
            type="search"
            className="input ug-search"
            value={search.q ?? ''}
            delay={300}
            onCommit={(q) => setSearch({ q: q.trim() || undefined, page: 1 }, true)}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. ana@ or example.com"
          />
        </div>
        <p className="ug-status muted" role="status" aria-live="polite">
          {busy ? 'Loading…' : data ? `${pluralize(total, 'member')}${search.q ? ` matching “${search.q}”` : ''}` : ''}
        </p>
        {selected.size > 0 ? (
          <div className="ug-selection-bar" role="group" aria-label="Selected members">
            <span>{selected.size} selected</span>
            <button
              type="button"
              className="btn btn-danger"
              disabled={!managed && remove.isPending}
              {...(managed ? lockedProps(groupId) : { onClick: () => setToRemove([...selected.values()]) })}
            >
              Remove selected
            </button>
            <button type="button" className="btn btn-small" onClick={() => setSelected(new Map())}>
              Clear selection
            </button>
          </div>
        ) : null}
      </div>

      <GroupTimeBound accountId={accountId} groupId={groupId} groupName={group.name} />

      {error && !data ? <ErrorBanner error={error} title="The members could not be loaded" onRetry={() => void refetch()} /> : null}
      {!data && !error ? <TableSkeleton rows={8} columns={3} label="Loading members" /> : null}

      {data && members.length === 0 ? (
        total > 0 ? (
          <EmptyState
            title={`Page ${search.page} is empty`}
            action={
              <button type="button" className="btn" onClick={() => setSearch({ page: 1 })}>
                Go to the first page
              </button>
            }
          />
        ) : search.q ? (
          <EmptyState
            title={`No member’s email contains “${search.q}”`}
            action={
              <button type="button" className="btn" onClick={() => setSearch({ q: undefined, page: 1 })}>
                Clear the search
              </button>
            }
          >
            To add someone who is not in the group yet, use Add members.
          </EmptyState>
        ) : (
          <EmptyState title="This group has no members yet" action={actions}>
            Nobody gets this group’s access until you add them. Pick people from the account, or paste a list of emails.
          </EmptyState>
        )
      ) : null}

      {data && members.length > 0 ? (
        <>
          <MembersTable
            members={members}
            selected={new Set(selected.keys())}
            onSelect={select}
            direction={direction}
            onDirectionChange={(next) => setSearch({ direction: next === 'asc' ? undefined : 'desc', page: 1 })}
            onOpen={(m) => setSearch({ member: m.id })}
            onRemove={(m) => setToRemove([m])}
            locked={managed ? lockedProps(groupId) : undefined}
            busy={busy}
            removing={remove.isPending}
            caption={`Members of ${group.name}, page ${search.page}`}
            nameOf={(id) => names.data?.names[id]}
            names={namesState}
          />
          <Pagination
            label="Member pages"
            page={search.page}
            perPage={search.per_page}
            totalCount={total}
            perPageOptions={[...GROUP_PAGE_SIZES]}
            onChange={({ page, perPage }) => setSearch({ page, per_page: perPage as GroupPageSize })}
          />
        </>
      ) : null}

      <AddMembersDialog groupId={groupId} prefill={prefill} open={dialog === 'add'} onOpenChange={(open) => setDialog(open ? 'add' : null)} />
      <PasteMembersDialog groupId={groupId} open={dialog === 'paste'} onOpenChange={(open) => setDialog(open ? 'paste' : null)} />
      <ReplaceMembersDialog
        groupId={groupId}
        initialText={putBack ?? undefined}
        open={dialog === 'replace'}
        onOpenChange={(open) => {
          setDialog(open ? 'replace' : null);
          if (!open) setPutBack(null);
        }}
      />
      <RemoveMembersDialog
        groupName={group.name}
        members={toRemove}
        pending={remove.isPending}
        onCancel={() => setToRemove([])}
        onConfirm={confirmRemove}
      />
      {search.member ? (
        <MemberDetailDialog
          groupId={groupId}
          memberId={search.member}
          onClose={() => setSearch({ member: undefined })}
          onRemove={(m) => {
            setSearch({ member: undefined });
            setToRemove([{ id: m.id, email: m.email }]);
          }}
        />
      ) : null}
    </section>
  );
}
