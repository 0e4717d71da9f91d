import { revalidateLogic, useStore } from '@tanstack/react-form';
import { useId } from 'react';
import { asWritten, placeApiErrors, setFieldErrors, unplacedApiError } from '@/components/form/api-errors';
import { onFormSubmit } from '@/components/form/submit-form';
import { useFocusFirstInvalid } from '@/components/form/focus-first-invalid';
import { useAppForm } from '@/components/form/use-app-form';
import { ScopeBuilder } from '@/components/scope-builder/scope-builder';
import {
  draftToScope,
  hasScopeErrors,
  mergeScopeErrors,
  scopeErrorsFromApi,
  validateScopeDraft,
  type ScopeDraft,
  type ScopeErrors,
} from '@/components/scope-builder/scope-draft';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { accountKey } from '@/lib/scope-keys';
import { ADHOC_META, type ResourceRef } from '@/lib/policy-draft';
import { useCreateResourceGroup } from '@/features/user-groups/policy-api';

interface NewResourceGroupDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  policyLabel: string;
  onAdd: (ref: ResourceRef) => void;
  /** A named group was created now (the draft tracks it, to delete it again if discarded). */
  onCreated?: (group: { id: string; name: string }) => void;
}

type Mode = 'named' | 'inline';

/** The API's pointers this dialog shows at a field: the name, and anything in the scope. */
const ownsField = (pointer: string) => pointer === '/name' || pointer === '/scope' || pointer.startsWith('/scope/');

/**
 * A resource group made without leaving the composer: either a named group created now (reusable,
 * listed under Resource groups), or an inline scope sent with this policy, which the API turns
 * into an anonymous group when the policies are saved (the dashboard's "individual domains").
 */
export function NewResourceGroupDialog({ open, onOpenChange, policyLabel, onAdd, onCreated }: NewResourceGroupDialogProps) {
  const { accountId, accountName } = useKeyNames();
  const id = useId();
  const { rootRef, request: focusFirstInvalid } = useFocusFirstInvalid();
  const create = useCreateResourceGroup();
  const form = useAppForm({
    defaultValues: { mode: 'named' as Mode, name: '', scope: { key: accountKey(accountId), coverage: 'zones', zones: [''] } as ScopeDraft },
    // Checked on "Create and add", then again as the admin fixes what that found.
    validationLogic: revalidateLogic(),
    validators: {
      onDynamic: ({ value }) => {
        const scope = validateScopeDraft(value.scope, accountId, { complete: true });
        const name = value.mode === 'named' && value.name.trim() === '' ? 'Give the resource group a name' : undefined;
        return name || hasScopeErrors(scope) ? { fields: { name, scope: hasScopeErrors(scope) ? scope : undefined } } : undefined;
      },
    },
    onSubmitInvalid: focusFirstInvalid,
    onSubmit: async ({ value, formApi }) => {
      const body = draftToScope(value.scope);
      if (value.mode === 'inline') {
        onAdd({ scope: body, meta: { ...ADHOC_META } });
        close(false);
        return;
      }
      try {
        const group = await create.mutateAsync({ name: value.name.trim(), scope: body });
        onCreated?.({ id: group.id, name: group.name ?? value.name.trim() });
        onAdd({ id: group.id });
        close(false);
      } catch (error) {
        const { fields } = placeApiErrors(error, ownsField, asWritten);
        setFieldErrors(formApi, { name: fields['/name'], scope: scopeErrorsFromApi(fields, '/scope', value.scope) ?? undefined });
        focusFirstInvalid();
      }
    },
  });
  const mode = useStore(form.store, (s) => s.values.mode);

  const close = (next: boolean) => {
    if (!next) {
      form.reset();
      create.reset();
    }
    onOpenChange(next);
  };
  const failed = unplacedApiError(create.error, ownsField);

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      size="wide"
      title={`New resource group for ${policyLabel}`}
      description="What the policy acts on: the whole account, or specific zones."
      footer={
        <>
          <button type="button" className="btn" onClick={() => close(false)}>
            Cancel
          </button>
          <button type="submit" form={form.formId} className="btn btn-primary" disabled={create.isPending} aria-busy={create.isPending}>
            {mode === 'named' ? (create.isPending ? 'Creating…' : 'Create and add') : 'Add to policy'}
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
        {failed ? <ErrorBanner error={failed} title="The resource group was not created" /> : null}
        <form.Field name="mode">
          {(field) => (
            <fieldset className="choice-group">
              <legend>Kind</legend>
              <label className="radio">
                <input type="radio" name={`${id}-mode`} checked={field.state.value === 'named'} onChange={() => field.handleChange('named')} />
                <span>
                  Named resource group <span className="muted">— created now, reusable in other policies</span>
                </span>
              </label>
              <label className="radio">
                <input type="radio" name={`${id}-mode`} checked={field.state.value === 'inline'} onChange={() => field.handleChange('inline')} />
                <span>
                  Only for this policy <span className="muted">— sent inline; the API creates it when you save</span>
                </span>
              </label>
            </fieldset>
          )}
        </form.Field>
        {mode === 'named' ? <form.AppField name="name">{(field) => <field.TextField label="Name" className="input" autoComplete="off" />}</form.AppField> : null}
        <form.Field name="scope">
          {(field) => (
            <ScopeBuilder
              value={field.state.value}
              onChange={(scope) => field.handleChange(scope)}
              accountId={accountId}
              accountName={accountName}
              // The API's errors first, then the checks the save started.
              errors={mergeScopeErrors(field.state.meta.errorMap.onSubmit as ScopeErrors | undefined, field.state.meta.errorMap.onDynamic as ScopeErrors | undefined)}
              legend="Scope"
            />
          )}
        </form.Field>
      </form>
    </Dialog>
  );
}
