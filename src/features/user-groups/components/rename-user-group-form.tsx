import { useStore } from '@tanstack/react-form';
import type { UserGroup } from '@/api/user-groups/schema';
import { applyApiErrors, bannerMessages, ownsFields } from '@/components/form/api-errors';
import { onFormSubmit } from '@/components/form/submit-form';
import { useFocusFirstInvalid } from '@/components/form/focus-first-invalid';
import { useAppForm } from '@/components/form/use-app-form';
import { useRenameUserGroup } from '../api';
import { lockedProps, useGroupManaged } from '../scim-managed';
import { useAccountId } from '@/stores/current-account';

const FIELDS = ['name'] as const;

/** Rename in place: the header changes at once; a refused name comes back with the API's reason. */
export function RenameUserGroupForm({ group }: { group: UserGroup }) {
  const rename = useRenameUserGroup(group.id);
  const managed = useGroupManaged(useAccountId(), group.id);
  const { rootRef, request: focusFirstInvalid } = useFocusFirstInvalid();
  // What the admin typed stays, even when the API refuses it and the header reverts.
  const form = useAppForm({
    defaultValues: { name: group.name },
    onSubmit: async ({ value, formApi }) => {
      const name = value.name.trim();
      if (name === '' || name === group.name || managed) return;
      try {
        await rename.mutateAsync({ name });
      } catch (error) {
        applyApiErrors(formApi, error, FIELDS);
        focusFirstInvalid();
      }
    },
  });
  const trimmed = useStore(form.store, (s) => s.values.name).trim();
  const unchanged = trimmed === group.name;
  const others = bannerMessages(rename.isError ? rename.error : null, ownsFields(FIELDS));

  return (
    <form
      ref={rootRef}
      className="ug-rename-form"
      onSubmit={onFormSubmit(form)}
      noValidate
      aria-label="Rename group"
    >
      {/* The API's verdict was about the old name: it goes once the name changes. */}
      <form.AppField name="name" listeners={{ onChange: () => rename.isError && rename.reset() }}>
        {(field) => (
          <field.TextField
            label="Group name"
            className="input"
            readOnly={managed}
            autoComplete="off"
            fallbackError={others.length ? others.join('; ') : undefined}
            wrap={(input) => (
              <div className="ug-inline-control">
                {input}
                <button type="submit" className="btn btn-primary" disabled={!managed && (rename.isPending || trimmed === '' || unchanged)} {...(managed ? lockedProps(group.id) : {})}>
                  {rename.isPending ? 'Saving…' : 'Rename'}
                </button>
              </div>
            )}
          />
        )}
      </form.AppField>
    </form>
  );
}
