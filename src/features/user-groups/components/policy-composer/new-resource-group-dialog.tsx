import { useId, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { ScopeBuilder } from '@/components/scope-builder/scope-builder';
import {
  draftToScope,
  hasScopeErrors,
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

/**
 * A resource group made without leaving the composer: either a named group created now (reusable,
 * listed under Resource groups), or an inline scope sent with this policy, which the API turns
 * into an anonymous group when the policies are saved (the dashboard's "individual domains").
 */
export function NewResourceGroupDialog({ open, onOpenChange, policyLabel, onAdd, onCreated }: NewResourceGroupDialogProps) {
  const { accountId, accountName } = useKeyNames();
  const id = useId();
  const [mode, setMode] = useState<Mode>('named');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ScopeDraft>(() => ({ key: accountKey(accountId), coverage: 'zones', zones: [''] }));
  const [nameError, setNameError] = useState<string>();
  const [scopeErrors, setScopeErrors] = useState<ScopeErrors>();
  const create = useCreateResourceGroup();

  const reset = () => {
    setMode('named');
    setName('');
    setScope({ key: accountKey(accountId), coverage: 'zones', zones: [''] });
    setNameError(undefined);
    setScopeErrors(undefined);
    create.reset();
  };
  const close = (next: boolean) => {
    if (!next) reset();
    onOpenChange(next);
  };

  const submit = async () => {
    const checked = validateScopeDraft(scope, accountId, { complete: true });
    const missingName = mode === 'named' && name.trim() === '' ? 'Give the resource group a name' : undefined;
    setNameError(missingName);
    setScopeErrors(hasScopeErrors(checked) ? checked : undefined);
    if (missingName || hasScopeErrors(checked)) return;
    const body = draftToScope(scope);
    if (mode === 'inline') {
      onAdd({ scope: body, meta: { ...ADHOC_META } });
      close(false);
      return;
    }
    try {
      const group = await create.mutateAsync({ name: name.trim(), scope: body });
      onCreated?.({ id: group.id, name: group.name ?? name.trim() });
      onAdd({ id: group.id });
      close(false);
    } catch (error) {
      if (!isApiError(error)) return;
      const fields = error.fieldErrors();
      setNameError(fields['/name']);
      setScopeErrors(scopeErrorsFromApi(fields, '/scope', scope) ?? undefined);
    }
  };

  const placed = isApiError(create.error) && Object.keys(create.error.fieldErrors()).some((p) => p === '/name' || p.startsWith('/scope'));

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
          <button type="button" className="btn btn-primary" disabled={create.isPending} aria-busy={create.isPending} onClick={() => void submit()}>
            {mode === 'named' ? (create.isPending ? 'Creating…' : 'Create and add') : 'Add to policy'}
          </button>
        </>
      }
    >
      {create.error && !placed ? <ErrorBanner error={create.error} title="The resource group was not created" /> : null}
      <fieldset className="choice-group">
        <legend>Kind</legend>
        <label className="radio">
          <input type="radio" name={`${id}-mode`} checked={mode === 'named'} onChange={() => setMode('named')} />
          <span>
            Named resource group <span className="muted">— created now, reusable in other policies</span>
          </span>
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-mode`} checked={mode === 'inline'} onChange={() => setMode('inline')} />
          <span>
            Only for this policy <span className="muted">— sent inline; the API creates it when you save</span>
          </span>
        </label>
      </fieldset>
      {mode === 'named' ? (
        <div className={`field${nameError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            autoComplete="off"
            aria-invalid={Boolean(nameError)}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameError ? (
            <p id={`${id}-name-error`} className="field-error" role="alert">
              {nameError}
            </p>
          ) : null}
        </div>
      ) : null}
      <ScopeBuilder value={scope} onChange={setScope} accountId={accountId} accountName={accountName} errors={scopeErrors} legend="Scope" />
    </Dialog>
  );
}
