import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { userGroupQuery } from '@/api/user-groups/queries';
import type { UserGroup } from '@/api/user-groups/schema';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { useCreateUserGroup } from '../api';
import { fieldMessage, otherMessages } from '../form-errors';
import { policiesAsInput } from '../lib/copy-policies';
import { GroupCombobox } from './group-combobox';

/** Create a group by name, optionally with a copy of another group's policies. */
export function CreateUserGroupDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const accountId = useAccountId();
  const navigate = useNavigate();
  const create = useCreateUserGroup();
  const formId = useId();
  const [name, setName] = useState('');
  const [copy, setCopy] = useState(false);
  const [source, setSource] = useState<UserGroup | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [sourceMissing, setSourceMissing] = useState(false);
  // The source's current policies (the list row may be older than a colleague's last edit).
  const sourceDetail = useQuery({ ...userGroupQuery(accountId, source?.id ?? ''), enabled: copy && source !== null });
  const policies = policiesAsInput(sourceDetail.data?.policies);

  const close = () => {
    onOpenChange(false);
    setName('');
    setCopy(false);
    setSource(null);
    setSourceMissing(false);
    create.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (copy && !source) {
      setSourceMissing(true);
      return;
    }
    create.mutate(
      { name: name.trim(), ...(copy && source ? { policies } : {}) },
      {
        onSuccess: (group) => {
          close();
          void navigate({ to: '/accounts/$accountId/groups/$groupId', params: { accountId, groupId: group.id } });
        },
      },
    );
  };

  const nameError = fieldMessage(create.error, '/name');
  const others = otherMessages(create.error, ['/name']);
  const waitingForSource = copy && source !== null && !sourceDetail.data;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Create a user group"
      description="Members of a group get the access its policies allow."
      onDismissAttempt={() => !choosing}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="btn btn-primary"
            disabled={create.isPending || name.trim() === '' || waitingForSource}
            aria-busy={create.isPending}
          >
            {create.isPending ? 'Creating…' : 'Create group'}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        {others.length ? (
          <div className="banner banner-error" role="alert">
            <strong>{copy ? 'The group could not be created with these policies' : 'The group could not be created'}</strong>
            <ul>
              {others.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <Field label="Name" error={nameError} hint="Unique in the account, ignoring case.">
          {(props) => (
            <input
              {...props}
              className="input"
              value={name}
              autoComplete="off"
              required
              onChange={(e) => {
                setName(e.target.value);
                // The API's verdict was about the old name: drop it once the name changes.
                if (create.isError) create.reset();
              }}
            />
          )}
        </Field>
        <div className="field ug-checkbox-field">
          <label>
            <input
              type="checkbox"
              checked={copy}
              onChange={(e) => {
                setCopy(e.target.checked);
                setSourceMissing(false);
              }}
            />{' '}
            Start from a copy of another group’s policies
          </label>
        </div>
        {copy ? (
          <>
            <GroupCombobox
              label="Copy policies from"
              value={source}
              onChange={(group) => {
                setSource(group);
                setSourceMissing(false);
              }}
              onExpandedChange={setChoosing}
              error={sourceMissing ? 'Choose the group to copy from, or untick “Start from a copy”.' : undefined}
            />
            {source ? (
              <p className="field-hint" role="status">
                {sourceDetail.isError
                  ? 'The source group could not be read; it may have been deleted.'
                  : sourceDetail.data
                    ? policies.length
                      ? `The new group starts with ${pluralize(policies.length, 'policy', 'policies')} copied from “${source.name}”. Later edits to either group do not affect the other.`
                      : `“${source.name}” has no policies: the new group starts empty.`
                    : 'Reading the source group’s policies…'}
              </p>
            ) : null}
          </>
        ) : null}
      </form>
    </Dialog>
  );
}
