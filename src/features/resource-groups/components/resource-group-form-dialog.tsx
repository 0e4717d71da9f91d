import { revalidateLogic, useStore } from '@tanstack/react-form';
import { useState } from 'react';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { setFieldErrors, unplacedApiError } from '@/components/form/api-errors';
import { onFormSubmit } from '@/components/form/submit-form';
import { useFocusFirstInvalid } from '@/components/form/focus-first-invalid';
import { useAppForm } from '@/components/form/use-app-form';
import { ScopeBuilder } from '@/components/scope-builder/scope-builder';
import { mergeScopeErrors, type ScopeErrors } from '@/components/scope-builder/scope-draft';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { notify } from '@/stores/toasts';
import { useCreateResourceGroup, useUpdateResourceGroup } from '../api';
import { createBody, errorsFromApi, hasFormErrors, initialValues, ownsField, updateBody, validateForm } from '../form-model';

interface ResourceGroupFormDialogProps {
  /** null: create a new group. */
  group: ResourceGroup | null;
  onClose: () => void;
}

/**
 * Create or edit one resource group. Mounted per opening, so it starts from the group; on a
 * failed save it stays open with everything as typed and the API's errors beside their fields.
 */
export function ResourceGroupFormDialog({ group, onClose }: ResourceGroupFormDialogProps) {
  const names = useKeyNames();
  const { rootRef, request: focusFirstInvalid } = useFocusFirstInvalid();
  const [initial] = useState(() => initialValues(group, names.accountId));
  const create = useCreateResourceGroup();
  const update = useUpdateResourceGroup();
  const pending = create.isPending || update.isPending;
  const form = useAppForm({
    defaultValues: initial,
    // Checked on save, then again as the admin fixes what the save found.
    validationLogic: revalidateLogic(),
    validators: {
      onDynamic: ({ value }) => {
        const errors = validateForm(value, names.accountId);
        return hasFormErrors(errors) ? { fields: errors } : undefined;
      },
    },
    onSubmitInvalid: focusFirstInvalid,
    onSubmit: async ({ value, formApi }) => {
      if (pending) return; // Enter pressed twice: one request
      try {
        if (!group) await create.mutateAsync(createBody(value));
        else {
          const body = updateBody(value, group);
          if (body) await update.mutateAsync({ id: group.id, body });
          else notify.info('Nothing to save', 'The name and scope are as they were.');
        }
        onClose();
      } catch (error) {
        setFieldErrors(formApi, { ...errorsFromApi(error, value.scope) });
        focusFirstInvalid();
      }
    },
  });
  const values = useStore(form.store, (s) => s.values);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const failed = unplacedApiError(group ? update.error : create.error, ownsField);

  const title = group ? 'Edit resource group' : 'Create resource group';
  return (
    <Dialog
      open
      size="wide"
      title={title}
      description={group ? (group.name ?? group.id) : 'A named set of resources, the account or some of its zones, that policies act on.'}
      onOpenChange={(open) => !open && onClose()}
      onDismissAttempt={() => !dirty || window.confirm('Discard the changes you made to this resource group?')}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={form.formId} className="btn btn-primary" disabled={pending} aria-busy={pending}>
            {pending ? 'Saving…' : group ? 'Save changes' : 'Create resource group'}
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
        {failed ? <ErrorBanner title="The API refused the change" error={failed} /> : null}
        {group?.meta?.adhoc ? (
          <p className="banner banner-info">
            A policy created this group inline (ad hoc). Changing it changes what that policy covers.
          </p>
        ) : null}
        {group && group.scope.length > 1 ? (
          <p className="banner banner-warning">
            This group has {group.scope.length} scopes; the console edits the first. Saving a new scope replaces them all.
          </p>
        ) : null}
        <form.AppField name="name">
          {(field) => <field.TextField label="Name" hint="Unique in the account, ignoring case." className="input" autoComplete="off" />}
        </form.AppField>
        <form.Field name="scope">
          {(field) => (
            <ScopeBuilder
              value={field.state.value}
              // Row numbers in the API's pointers no longer match once rows change: a change drops them.
              onChange={(scope) => field.handleChange(scope)}
              accountId={names.accountId}
              accountName={names.accountName}
              // The API's errors first, then the checks the save started.
              errors={mergeScopeErrors(field.state.meta.errorMap.onSubmit as ScopeErrors | undefined, field.state.meta.errorMap.onDynamic as ScopeErrors | undefined)}
              disabled={pending}
            />
          )}
        </form.Field>
      </form>
    </Dialog>
  );
}
