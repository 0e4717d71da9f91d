import { useStore } from '@tanstack/react-form';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OAuthScope } from '@/api/oauth/schema';
import { isApiError, type ApiError } from '@/api/api-error';
import { applyApiErrorsBy } from '@/components/form/api-errors';
import { submitForm } from '@/components/form/submit-form';
import { useFocusFirstInvalid } from '@/components/form/focus-first-invalid';
import { RetryCountdown } from '@/components/ui/retry-countdown';
import { DraftLeaveGuard } from '@/components/ui/draft-leave-guard';
import { fieldForPointer } from '../form-errors';
import { URI_LIST_MAX, validateClientForm, type ClientFormValues, type UriField, type UriListField } from '../schemas';
import { useOAuthFormDrafts, type OAuthFormDraft } from '../form-drafts';
import { formatDateTime } from '@/lib/format';
import { FlowFields } from './flow-fields';
import { onSaveRequest } from '@/stores/keyboard';
import { LogoPreview } from './logo-preview';
import { ScopesPicker } from './scopes-picker';
import { UriListEditor } from './uri-list-editor';
import { useClientForm } from './use-client-form';

interface OAuthClientFormProps {
  initial: ClientFormValues;
  catalogue: OAuthScope[];
  submitLabel: string;
  /** Hints that differ between create and edit (e.g. what changing client_uri does). */
  clientUriHint: ReactNode;
  /** Sends the validated values; rejects with the ApiError so its messages land at their fields. */
  onSubmit: (values: ClientFormValues, markSaved: () => void) => Promise<unknown>;
  cancel: ReactNode;
  /** Where unsaved input is kept on this device (see form-drafts.ts). */
  draftKey: string;
  /** What the leave prompt says is unsaved: a new client, or changes to an existing one. */
  leaveDescription: string;
}

/** A stored draft is used only if it still has the form's shape (it comes from localStorage). */
function restorable(draft: OAuthFormDraft | undefined, initial: ClientFormValues): draft is OAuthFormDraft {
  if (!draft || typeof draft.values !== 'object' || draft.values === null) return false;
  const values = draft.values as unknown as Record<string, unknown>;
  return Object.entries(initial).every(([k, v]) => Array.isArray(v) ? Array.isArray(values[k]) : typeof values[k] === typeof v);
}

const sameValues = (a: ClientFormValues, b: ClientFormValues) => JSON.stringify(a) === JSON.stringify(b);

const URI_TEXT: Record<UriField, { label: string; placeholder: string }> = {
  client_uri: { label: 'Client URI (home page)', placeholder: 'https://app.example.com' },
  logo_uri: { label: 'Logo URI', placeholder: 'https://app.example.com/logo.png' },
  policy_uri: { label: 'Privacy policy URI', placeholder: 'https://app.example.com/privacy' },
  tos_uri: { label: 'Terms of service URI', placeholder: 'https://app.example.com/terms' },
};

const LIST_TEXT: Record<UriListField, { label: string; item: string; placeholder: string; hint: string }> = {
  redirect_uris: {
    label: 'Redirect URIs',
    item: 'redirect URI',
    placeholder: 'https://app.example.com/oauth/callback',
    hint: 'Where Cloudflare may send users back after sign-in; matched exactly. https only; http is allowed for localhost and 127.0.0.1. No #fragment.',
  },
  post_logout_redirect_uris: {
    label: 'Post-logout redirect URIs',
    item: 'post-logout redirect URI',
    placeholder: 'https://app.example.com/signed-out',
    hint: 'Where users may land after signing out. Same rules as redirect URIs.',
  },
  allowed_cors_origins: {
    label: 'Allowed CORS origins',
    item: 'origin',
    placeholder: 'https://app.example.com',
    hint: 'Origins whose browser code may call the token endpoint directly: scheme, host and port only — no path, no trailing slash.',
  },
};

/** Every field of an OAuth client, validated as the API does; the API's own errors land at their field. */
export function OAuthClientForm({ initial, catalogue, submitLabel, clientUriHint, onSubmit, cancel, draftKey, leaveDescription }: OAuthClientFormProps) {
  const drafts = useOAuthFormDrafts;
  const [restored, setRestored] = useState(() => {
    const stored = drafts.getState().drafts[draftKey];
    return restorable(stored, initial) ? stored : null;
  });
  /** Set once the API accepted the form: nothing is left to keep or to ask about. */
  const saved = useRef(false);
  const [general, setGeneral] = useState<string[]>([]);
  // A 429 says when the save may go again (the app's one countdown); nothing typed is lost.
  const [rateLimited, setRateLimited] = useState<ApiError | null>(null);
  const submitting = useRef(false);
  const { rootRef, fallbackRef, request: focusFirstInvalid } = useFocusFirstInvalid();
  const catalogueIds = useMemo(() => new Set(catalogue.map((s) => s.id)), [catalogue]);

  const form = useClientForm({
    defaultValues: restored?.values ?? initial,
    catalogueIds,
    // After a failed attempt, take keyboard and screen-reader users to the first problem.
    onSubmitInvalid: focusFirstInvalid,
    onSubmit: async (values) => {
      if (submitting.current) return; // Enter pressed twice: one save
      const result = validateClientForm(values, catalogueIds);
      if (!result.ok) return; // the form's own check has already said why
      submitting.current = true;
      try {
        // Called by the caller as soon as the API accepted, before it navigates away.
        const markSaved = () => {
          saved.current = true;
          drafts.getState().discard(draftKey);
        };
        await onSubmit(result.values, markSaved);
        markSaved();
      } catch (error) {
        // What the admin typed stays in the form; only the messages change.
        setGeneral(applyApiErrorsBy(form, error, (pointer) => fieldForPointer(pointer, form.state.values)));
        setRateLimited(isApiError(error) && error.status === 429 ? error : null);
        focusFirstInvalid();
      } finally {
        submitting.current = false;
      }
    },
  });
  const values = useStore(form.store, (s) => s.values);
  const pending = useStore(form.store, (s) => s.isSubmitting);
  const attempted = useStore(form.store, (s) => s.submissionAttempts > 0);
  const errorCount = useStore(form.store, (s) => Object.values(s.fieldMeta).filter((meta) => meta?.errors.length).length);
  const dirty = !sameValues(values, initial);

  // Every change is kept on this device as it is typed, so leaving or reloading loses nothing.
  useEffect(() => {
    if (saved.current) return;
    if (dirty) drafts.getState().save(draftKey, values);
    else drafts.getState().discard(draftKey);
  }, [drafts, draftKey, values, dirty]);
  const discardDraft = () => {
    drafts.getState().discard(draftKey);
    form.reset(initial);
    setRestored(null);
  };

  // Ctrl/⌘+S saves the form, as its submit button does.
  useEffect(() => onSaveRequest(() => rootRef.current?.requestSubmit()), [rootRef]);

  return (
    <form
      ref={rootRef}
      className="oc-client-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setGeneral([]);
        setRateLimited(null);
        void submitForm(form);
      }}
      aria-busy={pending}
    >
      <DraftLeaveGuard
        when={() => !saved.current && !sameValues(form.state.values, initial)}
        onDiscard={() => drafts.getState().discard(draftKey)}
        title="Leave with unsaved changes?"
        description={leaveDescription}
        discardLabel="Discard changes and leave"
      />
      {restored && dirty ? (
        <div className="banner banner-info" role="status">
          <strong>Your unsaved changes from {formatDateTime(restored.updatedAt)} are back.</strong>{' '}
          <button type="button" className="btn btn-small" onClick={discardDraft}>
            Discard them
          </button>
        </div>
      ) : null}
      {/* The summary answers a save; a row flagged as it is typed speaks for itself beside the row. */}
      {(attempted && errorCount > 0) || general.length > 0 ? (
        <div ref={fallbackRef} tabIndex={-1} className="banner banner-error" role="alert">
          <strong>{general.length ? 'The client could not be saved' : 'Some fields need attention'}</strong>
          <ul>
            {general.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
            {errorCount > 0 ? <li>{errorCount === 1 ? 'One field has a problem' : `${errorCount} fields have problems`}; see below.</li> : null}
          </ul>
          {rateLimited ? <RetryCountdown error={rateLimited} /> : null}
        </div>
      ) : null}

      <section className="oc-form-section" aria-labelledby="client-basics">
        <h2 id="client-basics">Basics</h2>
        <form.AppField name="client_name">
          {(field) => <field.TextField label="Client name" hint="Shown to users on the consent screen." className="input" maxLength={200} />}
        </form.AppField>
        {(['client_uri', 'logo_uri', 'policy_uri', 'tos_uri'] as const).map((key) => (
          <div key={key} className={key === 'logo_uri' ? 'oc-logo-field' : undefined}>
            <form.AppField name={key}>
              {(field) => (
                <field.TextField
                  label={URI_TEXT[key].label}
                  hint={key === 'client_uri' ? clientUriHint : key === 'logo_uri' ? 'An https image, shown on the consent screen. Optional; required to go public.' : 'Optional. https only.'}
                  className="input mono"
                  type="url"
                  inputMode="url"
                  spellCheck={false}
                  autoComplete="off"
                  placeholder={URI_TEXT[key].placeholder}
                />
              )}
            </form.AppField>
            {key === 'logo_uri' ? <LogoPreview uri={values.logo_uri.trim()} /> : null}
          </div>
        ))}
      </section>

      <section className="oc-form-section" aria-labelledby="client-redirects">
        <h2 id="client-redirects">Redirects and origins</h2>
        {(['redirect_uris', 'post_logout_redirect_uris', 'allowed_cors_origins'] as const).map((key) => (
          <UriListEditor
            key={key}
            form={form}
            name={key}
            label={LIST_TEXT[key].label}
            itemLabel={LIST_TEXT[key].item}
            hint={LIST_TEXT[key].hint}
            placeholder={LIST_TEXT[key].placeholder}
            max={URI_LIST_MAX}
          />
        ))}
      </section>

      <section className="oc-form-section" aria-labelledby="client-flows">
        <h2 id="client-flows">Flows</h2>
        <FlowFields form={form} />
      </section>

      <section className="oc-form-section" aria-labelledby="client-scopes">
        <h2 id="client-scopes">Scopes</h2>
        <p className="field-hint">
          What the application may ask users to grant. Going public needs at least one API scope besides the identity ones.
        </p>
        <ScopesPicker catalogue={catalogue} form={form} />
      </section>

      <div className="oc-form-actions">
        {cancel}
        <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
