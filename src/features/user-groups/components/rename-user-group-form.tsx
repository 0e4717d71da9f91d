import { useId, useState, type FormEvent } from 'react';
import type { UserGroup } from '@/api/user-groups/schema';
import { Field } from '@/components/ui/field';
import { useRenameUserGroup } from '../api';
import { lockedProps, useGroupManaged } from '../scim-managed';
import { useAccountId } from '@/stores/current-account';
import { fieldMessage, otherMessages } from '../form-errors';

/** Rename in place: the header changes at once; a refused name comes back with the API's reason. */
export function RenameUserGroupForm({ group }: { group: UserGroup }) {
  const rename = useRenameUserGroup(group.id);
  const managed = useGroupManaged(useAccountId(), group.id);
  const formId = useId();
  // What the admin typed stays, even when the API refuses it and the header reverts.
  const [name, setName] = useState(group.name);
  const trimmed = name.trim();
  const unchanged = trimmed === group.name;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (trimmed === '' || unchanged || managed) return;
    rename.mutate({ name: trimmed });
  };

  const error = rename.isError ? rename.error : null;
  const others = otherMessages(error, ['/name']);
  return (
    <form id={formId} className="ug-rename-form" onSubmit={submit} noValidate aria-label="Rename group">
      <Field label="Group name" error={fieldMessage(error, '/name') ?? (others.length ? others.join('; ') : undefined)}>
        {(props) => (
          <div className="ug-inline-control">
            <input
              {...props}
              className="input"
              value={name}
              readOnly={managed}
              autoComplete="off"
              onChange={(e) => {
                setName(e.target.value);
                if (rename.isError) rename.reset();
              }}
            />
            <button type="submit" className="btn btn-primary" disabled={!managed && (rename.isPending || trimmed === '' || unchanged)} {...(managed ? lockedProps(group.id) : {})}>
              {rename.isPending ? 'Saving…' : 'Rename'}
            </button>
          </div>
        )}
      </Field>
    </form>
  );
}
