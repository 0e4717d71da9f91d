import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { accountKeys } from '@/api/accounts/queries';
import { groupMembersAllQuery } from '@/api/user-groups/queries';
import { zoneLookupQuery } from '@/api/zones/queries';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { pluralize } from '@/lib/format';
import { groupsToCreate, importedPolicies, parseGroupExport, planImport, zoneIdsInExport } from '@/lib/group-export';
import { draftFromRequest, draftFromServer, reattachIds } from '@/lib/policy-draft';
import { notify } from '@/stores/toasts';
import { importRefusals } from '@/features/user-groups/lib/import-refusals';
import { findAccountMembersByEmail, readGroupFresh, useApplyImport } from '@/features/user-groups/policy-api';
import { ImportPreview } from './import-preview';
import type { Composer } from './use-composer';

/**
 * Import a group export into this group (its policies become a draft to review and save) or into a
 * new group of the current account; switch accounts first to import into another account. A dry
 * run shows what matches, what will be created and who will be added before anything is written.
 */
export function ImportDialog({ open, onOpenChange, composer }: { open: boolean; onOpenChange: (open: boolean) => void; composer: Composer }) {
  const id = useId();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { accountId, group, catalogue, resourceGroups } = composer;
  const [text, setText] = useState('');
  const [target, setTarget] = useState<'this-group' | 'new-group'>('this-group');
  const [newName, setNewName] = useState<string | null>(null);
  const [addMembers, setAddMembers] = useState(true);
  const apply = useApplyImport();

  const parsed = useMemo(() => (text.trim() ? parseGroupExport(text) : null), [text]);
  const file = parsed?.ok ? parsed.value : null;
  const emails = useMemo(() => (file?.members ?? []).flatMap((m) => (m.email ? [m.email] : [])), [file]);
  const accountMembers = useQuery({
    queryKey: [...accountKeys.members(accountId), 'by-email', emails],
    queryFn: () => findAccountMembersByEmail(accountId, emails),
    enabled: Boolean(file) && file!.members.length > 0,
    staleTime: 60_000,
  });
  const groupMembers = useQuery({ ...groupMembersAllQuery(accountId, group.id), enabled: Boolean(file) && target === 'this-group' });
  const membersReady = !file || file.members.length === 0 || (accountMembers.data && (target === 'new-group' || groupMembers.data));
  // Another account's file: which of its zones this account has (a zone belongs to one account).
  const foreignZoneIds = useMemo(() => (file && file.account_id !== accountId ? zoneIdsInExport(file) : []), [file, accountId]);
  const zones = useQuery({ ...zoneLookupQuery(qc, accountId, foreignZoneIds), enabled: foreignZoneIds.length > 0 });
  const zonesReady = foreignZoneIds.length === 0 || Boolean(zones.data) || Boolean(zones.error);
  const plan = useMemo(() => {
    if (!file || !membersReady || !zonesReady) return null;
    return planImport(file, {
      accountId,
      permissionGroups: catalogue,
      resourceGroups,
      accountMembers: accountMembers.data ?? [],
      groupMemberIds: new Set(target === 'this-group' ? (groupMembers.data ?? []).map((m) => m.id) : []),
      zonesHere: new Set(Object.entries(zones.data ?? {}).flatMap(([id, found]) => (found.state === 'found' ? [id] : []))),
    });
  }, [file, membersReady, zonesReady, accountId, catalogue, resourceGroups, accountMembers.data, groupMembers.data, target, zones.data]);

  const refusals = useMemo(() => (plan ? importRefusals(plan, catalogue, resourceGroups) : new Map()), [plan, catalogue, resourceGroups]);
  const name = newName ?? file?.name ?? '';
  const nameError = isApiError(apply.error) ? apply.error.fieldErrors()['/name'] : undefined;

  const readFile = async (f: File | undefined) => {
    if (f) setText(await f.text());
  };

  const run = async () => {
    if (!plan) return;
    // Into this group members are added when the draft is saved (and never, if it is discarded).
    const members = addMembers ? plan.members.toAdd.map((m) => ({ id: m.id, email: m.email ?? m.id })) : [];
    const memberIds = target === 'new-group' ? members.map((m) => m.id) : [];
    try {
      // Into this group nothing is written now (not even its resource groups: they go into the
      // draft as inline scopes, created by the save); a new group is the admin applying it.
      const intoDraft = target === 'this-group';
      const result = await apply.mutateAsync({
        target: intoDraft ? { kind: 'this-group', groupId: group.id } : { kind: 'new-group', name: name.trim() },
        createGroups: intoDraft ? [] : groupsToCreate(plan),
        policies: (created) => importedPolicies(plan, created, { createNow: !intoDraft }),
        memberIds,
      });
      if (target === 'new-group') {
        notify.success(`Created “${name.trim()}”`, `${pluralize(result.policies.length, 'policy', 'policies')}, ${pluralize(result.addedMembers, 'member')} added`);
        onOpenChange(false);
        void navigate({ to: '/accounts/$accountId/groups/$groupId/policies', params: { accountId, groupId: result.groupId } });
        return;
      }
      // Into this group: the policies become the draft, on top of the group as it is now.
      const fresh = await readGroupFresh(qc, accountId, group.id);
      const saved = draftFromServer(fresh.policies);
      composer.put({
        base: { modifiedOn: fresh.modified_on, policies: saved },
        policies: reattachIds(saved, draftFromRequest(result.policies)),
        ...(members.length ? { membersOnSave: members } : {}),
        ...(result.createdGroups.length ? { createdResourceGroups: result.createdGroups } : {}),
      });
      notify.success('Imported as a draft', `Review and save to apply the policies${members.length ? ` and add ${pluralize(members.length, 'member')}` : ''}.`);
      onOpenChange(false);
    } catch {
      // Shown below from apply.error.
    }
  };

  const canApply = Boolean(plan) && !apply.isPending && (target === 'this-group' || name.trim() !== '');

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title="Import a group"
      description="From a file exported by this console. Nothing is written until you apply it."
      onDismissAttempt={() => !apply.isPending}
      footer={
        <>
          <button type="button" className="btn" onClick={() => onOpenChange(false)} disabled={apply.isPending}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!canApply} aria-busy={apply.isPending} onClick={() => void run()}>
            {apply.isPending ? 'Importing…' : target === 'new-group' ? 'Create group' : 'Load into editor'}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={`${id}-file`}>Export file</label>
        <input id={`${id}-file`} type="file" accept="application/json,.json" onChange={(e) => void readFile(e.target.files?.[0])} />
      </div>
      <div className={`field${parsed && !parsed.ok ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-text`}>Or paste the JSON</label>
        <textarea id={`${id}-text`} className="input" rows={6} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={Boolean(parsed && !parsed.ok)} />
        {parsed && !parsed.ok ? (
          <div className="field-error" role="alert">
            This is not a group export:
            <ul>
              {parsed.problems.slice(0, 6).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      {file ? (
        <>
          <fieldset className="choice-group">
            <legend>Import into</legend>
            <label className="radio">
              <input type="radio" name={`${id}-target`} checked={target === 'this-group'} onChange={() => setTarget('this-group')} />
              <span>
                This group, {group.name} <span className="muted">— replaces its policies in your draft; you review and save</span>
              </span>
            </label>
            <label className="radio">
              <input type="radio" name={`${id}-target`} checked={target === 'new-group'} onChange={() => setTarget('new-group')} />
              <span>A new group in this account</span>
            </label>
          </fieldset>
          {target === 'new-group' ? (
            <div className={`field${nameError ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-name`}>New group’s name</label>
              <input id={`${id}-name`} className="input" value={name} onChange={(e) => {
                  setNewName(e.target.value);
                  if (apply.isError) apply.reset();
                }} aria-invalid={Boolean(nameError)} />
              {nameError ? (
                <p className="field-error" role="alert">
                  {nameError}
                </p>
              ) : null}
            </div>
          ) : null}
          {file.members.length ? (
            <label className="checkbox">
              <input type="checkbox" checked={addMembers} onChange={(e) => setAddMembers(e.target.checked)} />
              <span>
                Also add the file’s members who are members of this account
                {target === 'new-group' ? ' (when the group is created)' : ' (when you save the draft; nothing is added before)'}
              </span>
            </label>
          ) : null}
          {accountMembers.error ? <ErrorBanner error={accountMembers.error} title="Could not read the account’s members" /> : null}
          {zones.error ? <ErrorBanner error={zones.error} title="Could not read this account’s zones: the file’s zones are not imported" /> : null}
          {!plan && !accountMembers.error ? <p role="status">Matching against this account…</p> : null}
          {plan ? <ImportPreview plan={plan} addMembers={addMembers} refusals={refusals} createsOnSave={target === 'this-group'} /> : null}
        </>
      ) : null}
      {apply.error && !nameError ? <ErrorBanner error={apply.error} title="The import stopped" /> : null}
    </Dialog>
  );
}
