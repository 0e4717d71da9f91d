import { useQuery } from '@tanstack/react-query';
import { useStore } from '@tanstack/react-form';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { userGroupQuery } from '@/api/user-groups/queries';
import type { UserGroup } from '@/api/user-groups/schema';
import { applyApiErrors, bannerMessages, errorText, ownsFields, setFieldErrors } from '@/components/form/api-errors';
import { onFormSubmit } from '@/components/form/submit-form';
import { useFocusFirstInvalid } from '@/components/form/focus-first-invalid';
import { useAppForm } from '@/components/form/use-app-form';
import { Dialog } from '@/components/ui/dialog';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { useCreateUserGroup } from '../api';
import { policiesAsInput } from '../lib/copy-policies';
import { GroupCombobox } from './group-combobox';

const FIELDS = ['name'] as const;
const SOURCE_MISSING = 'Choose the group to copy from, or untick “Start from a copy”.';

/** Create a group by name, optionally with a copy of another group's policies. */
export function CreateUserGroupDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const accountId = useAccountId();
  const navigate = useNavigate();
  const create = useCreateUserGroup();
  const { rootRef, request: focusFirstInvalid } = useFocusFirstInvalid();
  const [choosing, setChoosing] = useState(false);
  const form = useAppForm({
    defaultValues: { name: '', copy: false, source: null as UserGroup | null },
    validators: {
      onSubmit: ({ value }) => (value.copy && !value.source ? { fields: { source: SOURCE_MISSING } } : undefined),
    },
    onSubmitInvalid: focusFirstInvalid,
    onSubmit: async ({ value, formApi }) => {
      try {
        const group = await create.mutateAsync({ name: value.name.trim(), ...(value.copy && value.source ? { policies } : {}) });
        close();
        void navigate({ to: '/accounts/$accountId/groups/$groupId', params: { accountId, groupId: group.id } });
      } catch (error) {
        applyApiErrors(formApi, error, FIELDS);
        focusFirstInvalid();
      }
    },
  });
  const { name, copy, source } = useStore(form.store, (s) => s.values);
  // The source's current policies (the list row may be older than a colleague's last edit).
  const sourceDetail = useQuery({ ...userGroupQuery(accountId, source?.id ?? ''), enabled: copy && source !== null });
  const policies = policiesAsInput(sourceDetail.data?.policies);

  const close = () => {
    onOpenChange(false);
    form.reset();
    create.reset();
  };

  const others = bannerMessages(create.error, ownsFields(FIELDS));
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
            form={form.formId}
            className="btn btn-primary"
            disabled={create.isPending || name.trim() === '' || waitingForSource}
            aria-busy={create.isPending}
          >
            {create.isPending ? 'Creating…' : 'Create group'}
          </button>
        </>
      }
    >
      <form
        id={form.formId}
        ref={rootRef}
        onSubmit={onFormSubmit(form)}
        noValidate
      >
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
        {/* The API's verdict was about the old name: it goes once the name changes. */}
        <form.AppField name="name" listeners={{ onChange: () => create.isError && create.reset() }}>
          {(field) => <field.TextField label="Name" hint="Unique in the account, ignoring case." className="input" autoComplete="off" required />}
        </form.AppField>
        <form.Field name="copy" listeners={{ onChange: () => setFieldErrors(form, { source: undefined }) }}>
          {(field) => (
            <div className="field ug-checkbox-field">
              <label>
                <input type="checkbox" checked={field.state.value} onChange={(e) => field.handleChange(e.target.checked)} /> Start from a copy of another group’s
                policies
              </label>
            </div>
          )}
        </form.Field>
        {copy ? (
          <>
            <form.Field name="source">
              {(field) => (
                <GroupCombobox
                  label="Copy policies from"
                  value={field.state.value}
                  onChange={(group) => field.handleChange(group)}
                  onExpandedChange={setChoosing}
                  error={errorText(field.state.meta.errors)}
                />
              )}
            </form.Field>
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
