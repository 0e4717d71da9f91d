import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, isApiError } from '@/api/api-error';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { ScopeBuilder } from '@/components/scope-builder/scope-builder';
import { mergeScopeErrors } from '@/components/scope-builder/scope-draft';
import { useKeyNames } from '@/components/scope-builder/use-key-names';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { Field } from '@/components/ui/field';
import { notify } from '@/stores/toasts';
import { useCreateResourceGroup, useUpdateResourceGroup } from '../api';
import {
  createBody,
  errorsFromApi,
  hasFormErrors,
  initialValues,
  updateBody,
  validateForm,
  type FormErrors,
  type FormValues,
} from '../form-model';

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
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [initial] = useState(() => initialValues(group, names.accountId));
  const [values, setValues] = useState<FormValues>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [apiErrors, setApiErrors] = useState<FormErrors | null>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const create = useCreateResourceGroup();
  const update = useUpdateResourceGroup();
  const pending = create.isPending || update.isPending;
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  const local = submitted ? validateForm(values, names.accountId) : { other: [] };
  const nameError = apiErrors?.name ?? local.name;
  const scopeErrors = mergeScopeErrors(apiErrors?.scope, local.scope);

  useEffect(() => {
    if (focusInvalid) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return; // Enter pressed twice: one request
    setSubmitted(true);
    setApiErrors(null);
    if (hasFormErrors(validateForm(values, names.accountId))) {
      setFocusInvalid((n) => n + 1);
      return;
    }
    const onError = (error: unknown) => {
      setApiErrors(isApiError(error) ? errorsFromApi(error, values.scope) : { other: [{ code: 0, message: String(error) }] });
      setFocusInvalid((n) => n + 1);
    };
    if (!group) {
      create.mutate(createBody(values), { onSuccess: onClose, onError });
      return;
    }
    const body = updateBody(values, group);
    if (body) update.mutate({ id: group.id, body }, { onSuccess: onClose, onError });
    else {
      notify.info('Nothing to save', 'The name and scope are as they were.');
      onClose();
    }
  };

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
          <button type="submit" form={formId} className="btn btn-primary" disabled={pending} aria-busy={pending}>
            {pending ? 'Saving…' : group ? 'Save changes' : 'Create resource group'}
          </button>
        </>
      }
    >
      <form id={formId} ref={form} onSubmit={submit} noValidate>
        {apiErrors?.other.length ? (
          <ErrorBanner title="The API refused the change" error={new ApiError({ status: 400, kind: 'api', errors: apiErrors.other })} />
        ) : null}
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
        <Field label="Name" error={nameError} hint="Unique in the account, ignoring case.">
          {(props) => (
            <input
              {...props}
              className="input"
              value={values.name}
              autoComplete="off"
              onChange={(e) => {
                setValues({ ...values, name: e.target.value });
                if (apiErrors?.name) setApiErrors({ ...apiErrors, name: undefined });
              }}
            />
          )}
        </Field>
        <ScopeBuilder
          value={values.scope}
          onChange={(scope) => {
            setValues({ ...values, scope });
            // Row numbers in the API's pointers no longer match once rows change.
            if (apiErrors?.scope) setApiErrors({ ...apiErrors, scope: undefined });
          }}
          accountId={names.accountId}
          accountName={names.accountName}
          errors={scopeErrors}
          disabled={pending}
        />
      </form>
    </Dialog>
  );
}
