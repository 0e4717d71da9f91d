import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { accountMembersQuery } from '@/api/account-members/queries';
import { groupMembersAllQuery, userGroupQuery } from '@/api/user-groups/queries';
import { AccessEndControls } from '@/components/access-end/access-end-controls';
import { useAccessEnd } from '@/components/access-end/use-access-end';
import { grantsAdmin } from '@/lib/effective-access';
import { PendingInviteesWarning } from '@/components/members/pending-invitees-warning';
import { Badge } from '@/components/ui/badge';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { useAddGroupMembers } from '../api';
import { describeRefused, refusalsByPerson, type Person } from '../lib/membership';
import { accountMemberAsPerson } from '../use-membership-preview';

const PAGE_SIZE = 20;

/**
 * The member picker: search the ACCOUNT's members, tick several (across searches), add them all
 * in one request. People already in the group show as such and cannot be ticked.
 */
export function AddMembersDialog({
  groupId,
  open,
  onOpenChange,
  prefill = null,
}: {
  groupId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Someone chosen elsewhere (the palette's "Add ‹person› to ‹group›"): ticked, and Add focused. */
  prefill?: Person | null;
}) {
  const accountId = useAccountId();
  const searchId = useId();
  const [text, setText] = useState(prefill?.email ?? '');
  const term = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  // A new search starts at its first page.
  const [pagedTerm, setPagedTerm] = useState(term);
  if (term !== pagedTerm) {
    setPagedTerm(term);
    setPage(1);
  }
  const [selected, setSelected] = useState<Map<string, Person>>(() => new Map(prefill ? [[prefill.id, prefill]] : []));
  const add = useAddGroupMembers(groupId);
  const group = useQuery({ ...userGroupQuery(accountId, groupId), enabled: open });
  const end = useAccessEnd(accountId, open, grantsAdmin(group.data?.policies ?? []));

  const results = useQuery({
    ...accountMembersQuery(accountId, { search: term || undefined, page, per_page: PAGE_SIZE }),
    enabled: open,
  });
  const inGroup = useQuery({ ...groupMembersAllQuery(accountId, groupId), enabled: open });
  const memberIds = new Set((inGroup.data ?? []).map((m) => m.id));
  const lower = term.toLowerCase();
  // `search` is a sandbox extension; a server that ignores it must not show unrelated people as matches.
  const people = (results.data?.result ?? [])
    .map(accountMemberAsPerson)
    .filter((p) => !lower || p.email.toLowerCase().includes(lower) || (p.name ?? '').toLowerCase().includes(lower));
  const statusOf = new Map((results.data?.result ?? []).map((m) => [m.id, m.status]));
  const total = results.data?.resultInfo?.total_count ?? people.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const close = () => {
    onOpenChange(false);
    setText('');
    setSelected(new Map());
    end.reset();
    add.reset();
  };
  const grantOf = (people: Person[]) => [{ groupId, people: people.map((p) => ({ id: p.id, email: p.email })) }];
  const submit = () => {
    if (end.notSaved) return void end.save(end.notSaved.grants).then((saved) => saved && close());
    if (!end.check()) return;
    const people = chosen;
    add.mutate({ ids: people.map((p) => p.id) }, { onSuccess: () => void end.save(grantOf(people)).then((saved) => saved && close()) });
  };
  const toggle = (person: Person, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(person.id, person);
      else next.delete(person.id);
      return next;
    });
  // Someone prefilled from the palette may already be in the group: there is nothing to add for them.
  const chosen = [...selected.values()].filter((p) => !memberIds.has(p.id));
  const refused = add.error && isApiError(add.error) ? describeRefused(add.error.errors, chosen) : [];
  // The ids sent with the failed request, so a refusal stays next to the person it points at.
  const sentIds = add.variables?.ids ?? [];
  const refusalOf = add.error && isApiError(add.error) ? refusalsByPerson(add.error.errors, sentIds) : new Map<string, string>();

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Add members"
      description="Search the account’s members by email or name and tick everyone to add."
      size="wide"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={(chosen.length === 0 && !end.notSaved) || add.isPending}
            // Prefilled from the palette: confirming is one Enter.
            autoFocus={Boolean(prefill)}
            aria-busy={add.isPending}
            onClick={submit}
          >
            {add.isPending ? 'Adding…' : end.notSaved ? 'Save the end again' : `Add ${pluralize(chosen.length, 'member')}`}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={searchId}>Search account members</label>
        <input
          id={searchId}
          type="search"
          className="input"
          value={text}
          autoComplete="off"
          spellCheck={false}
          placeholder="Email or name"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {results.isError ? <ErrorBanner error={results.error} title="Account members could not be loaded" onRetry={() => void results.refetch()} /> : null}
      {add.isError ? (
        <div className="banner banner-error" role="alert">
          <strong>Nobody was added</strong>
          <ul>
            {(refused.length ? refused : isApiError(add.error) ? add.error.errors.map((e) => e.message) : [String(add.error)]).map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset className="ug-picker" aria-busy={results.isFetching}>
        <legend>
          {results.data ? `${pluralize(total, 'account member')}${term ? ` matching “${term}”` : ''}` : 'Loading account members…'}
        </legend>
        {results.data && people.length === 0 ? <p className="muted">Nobody in this account matches “{term}”.</p> : null}
        <ul className="ug-picker-list">
          {people.map((p) => {
            const already = memberIds.has(p.id);
            const status = statusOf.get(p.id);
            return (
              <li key={p.id}>
                <label className={already ? 'ug-picker-row ug-is-disabled' : 'ug-picker-row'}>
                  <input
                    type="checkbox"
                    checked={already || selected.has(p.id)}
                    disabled={already}
                    onChange={(e) => toggle(p, e.target.checked)}
                  />
                  <span className="mono">{p.email}</span>
                  {p.name ? <span className="muted">{p.name}</span> : null}
                  {status === 'pending' ? <Badge tone="warning">Invite pending</Badge> : null}
                  {already ? <Badge tone="neutral">Already in group</Badge> : null}
                </label>
              </li>
            );
          })}
        </ul>
        {pages > 1 ? (
          <div className="ug-picker-pages">
            <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Previous results
            </button>
            <span>
              Page {page} of {pages}
            </span>
            <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Next results
            </button>
          </div>
        ) : null}
      </fieldset>
      <PendingInviteesWarning emails={chosen.filter((p) => p.status === 'pending').map((p) => p.email)} />
      <AccessEndControls state={end} />
      <section aria-labelledby={`${searchId}-selected`} className="ug-picker-selected">
        <h3 id={`${searchId}-selected`}>Selected: {chosen.length}</h3>
        {chosen.length === 0 ? (
          <p className="muted">Nobody yet. Ticks are kept while you search for more people.</p>
        ) : (
          <ul className="ug-chips">
            {chosen.map((p) => {
              const refusal = refusalOf.get(p.id);
              const refusalId = `${searchId}-refusal-${p.id}`;
              return (
                <li key={p.id} className={refusal ? 'ug-chip ug-chip-refused' : 'ug-chip'}>
                  <span className="mono">{p.email}</span>
                  <button
                    type="button"
                    className="ug-chip-remove"
                    aria-label={`Unselect ${p.email}`}
                    aria-describedby={refusal ? refusalId : undefined}
                    onClick={() => toggle(p, false)}
                  >
                    ×
                  </button>
                  {refusal ? (
                    <span id={refusalId} className="field-error">
                      {refusal}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Dialog>
  );
}
