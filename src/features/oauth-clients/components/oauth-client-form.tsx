import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { OAuthScope } from '@/api/oauth/schema';
import { isApiError, type ApiError } from '@/api/api-error';
import { Field } from '@/components/ui/field';
import { RetryCountdown } from '@/components/ui/retry-countdown';
import { DraftLeaveGuard } from '@/components/ui/draft-leave-guard';
import { errorsAfterListChange, splitApiError, withoutErrors, type FormErrors, type ListChange } from '../form-errors';
import {
  managedScopesFor,
  URI_LIST_MAX,
  uriRowProblem,
  validateClientForm,
  type ClientFormValues,
  type UriField,
  type UriListField,
} from '../schemas';
import { useOAuthFormDrafts, type OAuthFormDraft } from '../form-drafts';
import { formatDateTime } from '@/lib/format';
import { FlowFields } from './flow-fields';
import { onSaveRequest } from '@/stores/keyboard';
import { LogoPreview } from './logo-preview';
import { ScopesPicker } from './scopes-picker';
import { UriListEditor } from './uri-list-editor';

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

/** How long typing in a URI row pauses before the row is checked. */
const ROW_CHECK_DELAY_MS = 400;

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
  const [values, setValues] = useState(() => restored?.values ?? initial);
  /** Set once the API accepted the form: nothing is left to keep or to ask about. */
  const saved = useRef(false);
  const dirty = !sameValues(values, initial);
  // Every change is kept on this device as it is typed, so leaving or reloading loses nothing.
  useEffect(() => {
    if (saved.current) return;
    if (dirty) drafts.getState().save(draftKey, values);
    else drafts.getState().discard(draftKey);
  }, [drafts, draftKey, values, dirty]);
  const discardDraft = () => {
    drafts.getState().discard(draftKey);
    setValues(initial);
    setRestored(null);
    setErrors({});
  };
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  // A 429 says when the save may go again (the app's one countdown); nothing typed is lost.
  const [rateLimited, setRateLimited] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const submitting = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const catalogueIds = useMemo(() => new Set(catalogue.map((s) => s.id)), [catalogue]);

  // After a failed attempt, take keyboard and screen-reader users to the first problem.
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? summaryRef.current)?.focus();
  }, [attempt]);

  // Ctrl/⌘+S saves the form, as its submit button does.
  useEffect(() => onSaveRequest(() => formRef.current?.requestSubmit()), []);

  const set = <K extends keyof ClientFormValues>(key: K, value: ClientFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => withoutErrors(e, `/${key}`));
  };
  // Latest values for the as-typed checks below, which run after the keystroke's render.
  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  });
  const rowChecks = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const timers = rowChecks.current;
    return () => timers.forEach((t) => clearTimeout(t));
  }, []);
  /**
   * A URI row's problem shows beside it as it is typed, once typing pauses: not on blur, since a
   * message appearing as the pointer goes down on "Add" moves the button and loses the click.
   */
  const checkRowSoon = (key: UriListField, index: number) => {
    const pointer = `/${key}/${index}`;
    clearTimeout(rowChecks.current.get(pointer));
    rowChecks.current.set(
      pointer,
      setTimeout(() => {
        rowChecks.current.delete(pointer);
        const problem = uriRowProblem(key, valuesRef.current[key], index);
        setErrors((e) => {
          if ((e[pointer] ?? null) === problem) return e;
          const next = { ...e };
          if (problem) next[pointer] = problem;
          else delete next[pointer];
          return next;
        });
      }, ROW_CHECK_DELAY_MS),
    );
  };
  const setList = (key: UriListField | 'scopes', list: string[], change: ListChange) => {
    setValues((v) => ({ ...v, [key]: list }));
    setErrors((e) => {
      const next = errorsAfterListChange(e, key, change);
      // A row already flagged is checked again at once: its message goes the moment it is right.
      const pointer = change.type === 'edit' ? `/${key}/${change.index}` : null;
      if (pointer && key !== 'scopes' && e[pointer] && change.type === 'edit') {
        const problem = uriRowProblem(key, list, change.index);
        if (problem) next[pointer] = problem;
      }
      return next;
    });
    if (key === 'scopes') return;
    if (change.type === 'edit') checkRowSoon(key, change.index);
    else {
      // Rows moved: a pending check would read the wrong row.
      for (const [pointer, timer] of rowChecks.current) {
        if (!pointer.startsWith(`/${key}/`)) continue;
        clearTimeout(timer);
        rowChecks.current.delete(pointer);
      }
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting.current) return;
    // The submit checks every row now; a pending as-typed check must not undo its (or the API's) verdict.
    rowChecks.current.forEach((t) => clearTimeout(t));
    rowChecks.current.clear();
    setGeneral([]);
    setRateLimited(null);
    const result = validateClientForm(values, catalogueIds);
    if (!result.ok) {
      setErrors(result.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    submitting.current = true;
    setPending(true);
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
      const split = splitApiError(error);
      setErrors(split.fields);
      setGeneral(split.general);
      setRateLimited(isApiError(error) && error.status === 429 ? error : null);
      setAttempt((n) => n + 1);
    } finally {
      submitting.current = false;
      setPending(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  const managed = managedScopesFor(values);
  return (
    <form ref={formRef} className="oc-client-form" noValidate onSubmit={submit} aria-busy={pending}>
      <DraftLeaveGuard
        when={() => !saved.current && !sameValues(values, initial)}
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
      {(attempt > 0 && errorCount > 0) || general.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} className="banner banner-error" role="alert">
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
        <Field label="Client name" hint="Shown to users on the consent screen." error={errors['/client_name']}>
          {(a) => (
            <input {...a} className="input" value={values.client_name} maxLength={200} onChange={(e) => set('client_name', e.target.value)} />
          )}
        </Field>
        {(['client_uri', 'logo_uri', 'policy_uri', 'tos_uri'] as const).map((key) => (
          <div key={key} className={key === 'logo_uri' ? 'oc-logo-field' : undefined}>
            <Field
              label={URI_TEXT[key].label}
              hint={key === 'client_uri' ? clientUriHint : key === 'logo_uri' ? 'An https image, shown on the consent screen. Optional; required to go public.' : 'Optional. https only.'}
              error={errors[`/${key}`]}
            >
              {(a) => (
                <input
                  {...a}
                  className="input mono"
                  type="url"
                  inputMode="url"
                  spellCheck={false}
                  autoComplete="off"
                  placeholder={URI_TEXT[key].placeholder}
                  value={values[key]}
                  onChange={(e) => set(key, e.target.value)}
                />
              )}
            </Field>
            {key === 'logo_uri' ? <LogoPreview uri={values.logo_uri.trim()} /> : null}
          </div>
        ))}
      </section>

      <section className="oc-form-section" aria-labelledby="client-redirects">
        <h2 id="client-redirects">Redirects and origins</h2>
        {(['redirect_uris', 'post_logout_redirect_uris', 'allowed_cors_origins'] as const).map((key) => (
          <UriListEditor
            key={key}
            label={LIST_TEXT[key].label}
            itemLabel={LIST_TEXT[key].item}
            hint={LIST_TEXT[key].hint}
            placeholder={LIST_TEXT[key].placeholder}
            values={values[key]}
            max={URI_LIST_MAX}
            onChange={(list, change) => setList(key, list, change)}
            listError={errors[`/${key}`]}
            itemError={(i) => errors[`/${key}/${i}`]}
          />
        ))}
      </section>

      <section className="oc-form-section" aria-labelledby="client-flows">
        <h2 id="client-flows">Flows</h2>
        <FlowFields values={values} errors={errors} set={set} />
      </section>

      <section className="oc-form-section" aria-labelledby="client-scopes">
        <h2 id="client-scopes">Scopes</h2>
        <p className="field-hint">
          What the application may ask users to grant. Going public needs at least one API scope besides the identity ones.
        </p>
        <ScopesPicker
          catalogue={catalogue}
          scopes={values.scopes}
          optionalScopes={values.optional_scopes}
          managed={managed}
          onChange={(next, change) => {
            setList('scopes', next.scopes, change);
            setValues((v) => ({ ...v, optional_scopes: next.optional_scopes }));
            setErrors((e) => withoutErrors(e, '/optional_scopes'));
          }}
          onOptionalChange={(optional) => set('optional_scopes', optional)}
          errorAt={(i) => errors[`/scopes/${i}`]}
          optionalErrorAt={(i) => errors[`/optional_scopes/${i}`]}
          listError={errors['/scopes'] ?? errors['/optional_scopes']}
        />
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
