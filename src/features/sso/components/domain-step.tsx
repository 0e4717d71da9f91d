import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '@/api/api-error';
import { ssoConnectorsQuery } from '@/api/sso/queries';
import { ErrorBanner } from '@/components/ui/error-banner';
import { Field } from '@/components/ui/field';
import { notify } from '@/stores/toasts';
import { useCreateSsoConnector } from '../api';
import { validateEmailDomain } from '../domain';
import { LockoutWarning } from './lockout-warning';

const DUPLICATE = 1004;

/** Step 1: the email domain and FedRAMP choice; creates the connector exactly once. */
export function DomainStep({ accountId }: { accountId: string }) {
  const navigate = useNavigate();
  const { data: connectors } = useSuspenseQuery(ssoConnectorsQuery(accountId));
  const create = useCreateSsoConnector(accountId);
  const inputRef = useRef<HTMLInputElement>(null);
  // A double click fires two submits before React re-renders the disabled button: this ref is
  // the guard that holds between them. It is released only when a create fails.
  const inFlight = useRef(false);
  const [input, setInput] = useState('');
  const [fedramp, setFedramp] = useState(false);
  const [touched, setTouched] = useState(false);
  // The last create may have happened even though we saw no answer: the retry looks for it first.
  const [unclearFailure, setUnclearFailure] = useState(false);

  const check = validateEmailDomain(input);
  const domain = check.ok ? check.domain : null;
  // While this form creates the connector (and after), the refreshed list holds that very
  // connector: it is not one that "already" existed, so it is not looked for then.
  const creating = create.isPending || create.isSuccess;
  const existing = domain && !creating ? connectors.find((c) => c.email_domain === domain) : undefined;

  // Server errors belong to the domain they were about: editing the field clears them.
  const error = create.error && create.variables?.email_domain === domain ? create.error : null;
  const serverFieldError = isApiError(error) ? error.fieldErrors()['/email_domain'] : undefined;
  const isDuplicate = isApiError(error) && error.errors.some((e) => e.code === DUPLICATE);
  const localError = !check.ok && (!check.incomplete || touched) ? check.message : undefined;
  const fieldError = localError ?? (serverFieldError ? serverFieldError.replace(/^email_domain:\s*/, '') : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!check.ok || existing) {
      inputRef.current?.focus();
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    create.mutate(
      { email_domain: check.domain, use_fedramp_language: fedramp, resumeIfExists: unclearFailure },
      {
        onSuccess: ({ connector, resumed }) => {
          if (resumed) notify.info(`Your earlier attempt had created ${connector.email_domain}`, 'Continuing with that connector.');
          void navigate({ to: '/accounts/$accountId/sso/$connectorId/setup', params: { accountId, connectorId: connector.id }, replace: true });
        },
        onError: (err) => {
          inFlight.current = false;
          setUnclearFailure(!isApiError(err) || err.isTransient || err.kind === 'invalid-response');
          inputRef.current?.focus();
        },
      },
    );
  };

  return (
    <form className="card sso-step" onSubmit={submit} noValidate aria-labelledby="sso-domain-title">
      <h2 id="sso-domain-title">Domain to connect</h2>
      <Field
        label="Email domain"
        error={fieldError}
        hint={
          check.ok && check.notes.length
            ? check.notes.join(' ')
            : 'The part after the @ in your people’s email addresses, e.g. example.com. Each subdomain needs its own connector.'
        }
      >
        {(props) => (
          <input
            {...props}
            ref={inputRef}
            className="input sso-domain-input"
            value={input}
            placeholder="example.com"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            inputMode="url"
            onChange={(e) => setInput(e.target.value)}
            onBlur={() => setTouched(true)}
          />
        )}
      </Field>
      {!check.ok && check.suggestion ? (
        <p className="sso-suggestion">
          <button type="button" className="btn btn-small" onClick={() => setInput(check.suggestion!)}>
            Use {check.suggestion}
          </button>
        </p>
      ) : null}
      <p className="field-hint sso-domain-elsewhere">
        A domain can be connected to only one Cloudflare account: if it is already in use in another account (yours or
        someone else’s), Cloudflare refuses it here and it has to be removed there first.
      </p>
      {existing ? (
        <div className="banner banner-info" role="alert">
          <strong>{existing.email_domain} already has a connector in this account.</strong>{' '}
          <Link to="/accounts/$accountId/sso/$connectorId/setup" params={{ accountId, connectorId: existing.id }}>
            Continue its setup
          </Link>
        </div>
      ) : null}
      {isDuplicate ? (
        <p className="field-hint sso-duplicate-help" role="alert">
          What to do: if {domain} is connected in another account you manage, delete the connector there first; otherwise
          connect a different domain.
        </p>
      ) : null}
      {error && !serverFieldError ? <ErrorBanner error={error} title="The connector was not created" /> : null}

      <div className="field sso-checkbox-field">
        <label>
          <input type="checkbox" checked={fedramp} onChange={(e) => setFedramp(e.target.checked)} /> Show FedRAMP language at
          SSO login
        </label>
        <p className="field-hint">
          Shows the FedRAMP notice to people as they sign in through SSO, for organisations that must display it. You can
          change this later.
        </p>
      </div>

      <LockoutWarning domain={domain} />
      <p className="muted">
        Nothing is checked yet: next you publish a DNS record, and verification starts only when you say so.
      </p>
      <div className="sso-step-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Creating…' : unclearFailure ? 'Try again' : 'Create connector'}
        </button>
        <Link to="/accounts/$accountId/sso" params={{ accountId }} className="btn">
          Cancel
        </Link>
      </div>
    </form>
  );
}
