import { useSuspenseQuery } from '@tanstack/react-query';
import { useStore } from '@tanstack/react-form';
import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { ssoConnectorsQuery } from '@/api/sso/queries';
import { applyApiErrors, ownsFields, unplacedApiError } from '@/components/form/api-errors';
import { onFormSubmit } from '@/components/form/submit-form';
import { useFocusFirstInvalid } from '@/components/form/focus-first-invalid';
import { useAppForm } from '@/components/form/use-app-form';
import { ErrorBanner } from '@/components/ui/error-banner';
import { notify } from '@/stores/toasts';
import { useCreateSsoConnector } from '../api';
import { validateEmailDomain } from '../domain';
import { LockoutWarning } from './lockout-warning';

const DUPLICATE = 1004;
const FIELDS = ['email_domain'] as const;

/** Step 1: the domain and FedRAMP choice; creates the connector exactly once. */
export function DomainStep({ accountId }: { accountId: string }) {
  const navigate = useNavigate();
  const { data: connectors } = useSuspenseQuery(ssoConnectorsQuery(accountId));
  const create = useCreateSsoConnector(accountId);
  const inputRef = useRef<HTMLInputElement>(null);
  const { rootRef, request: focusFirstInvalid } = useFocusFirstInvalid();
  // The last create may have happened even though we saw no answer: the retry looks for it first.
  const [unclearFailure, setUnclearFailure] = useState(false);
  const form = useAppForm({
    defaultValues: { email_domain: '', use_fedramp_language: false },
    onSubmitInvalid: focusFirstInvalid,
    onSubmit: ({ value, formApi }) => {
      const checked = validateEmailDomain(value.email_domain);
      if (!checked.ok || existing) {
        inputRef.current?.focus();
        return;
      }
      // Once per intent: a second submit while this one is out gets no request (the guarded mutation).
      create.mutate(
        { email_domain: checked.domain, use_fedramp_language: value.use_fedramp_language, resumeIfExists: unclearFailure },
        {
          onSuccess: ({ connector, resumed }) => {
            if (resumed) notify.info(`Your earlier attempt had created ${connector.email_domain}`, 'Continuing with that connector.');
            void navigate({ to: '/accounts/$accountId/sso/$connectorId/setup', params: { accountId, connectorId: connector.id }, replace: true });
          },
          onError: (err) => {
            applyApiErrors(formApi, err, FIELDS);
            setUnclearFailure(!isApiError(err) || err.isTransient || err.kind === 'invalid-response');
            inputRef.current?.focus();
          },
        },
      );
    },
  });

  const check = validateEmailDomain(useStore(form.store, (s) => s.values.email_domain));
  const domain = check.ok ? check.domain : null;
  // While this form creates the connector (and after), the refreshed list holds that very
  // connector: it is not one that "already" existed, so it is not looked for then.
  const creating = create.isPending || create.isSuccess;
  const existing = domain && !creating ? connectors.find((c) => c.email_domain === domain) : undefined;

  // Server errors belong to the domain they were about: editing the field clears them.
  const error = create.error && create.variables?.email_domain === domain ? create.error : null;
  const isDuplicate = isApiError(error) && error.errors.some((e) => e.code === DUPLICATE);
  const failed = unplacedApiError(error, ownsFields(FIELDS));

  return (
    <form
      ref={rootRef}
      className="card sso-step"
      onSubmit={onFormSubmit(form)}
      noValidate
      aria-labelledby="sso-domain-title"
    >
      <h2 id="sso-domain-title">Domain to connect</h2>
      <form.AppField
        name="email_domain"
        validators={{
          // Input more typing may fix (empty, no dot yet) is flagged only once the field is left or the form sent.
          onChange: ({ value, fieldApi }) => {
            const typed = validateEmailDomain(value);
            if (typed.ok) return undefined;
            return !typed.incomplete || fieldApi.state.meta.isBlurred || fieldApi.form.state.submissionAttempts > 0 ? typed.message : undefined;
          },
        }}
        listeners={{ onBlur: ({ fieldApi }) => fieldApi.validate('change') }}
      >
        {(field) => (
          <field.TextField
            label="Email domain"
            hint={
              check.ok && check.notes.length
                ? check.notes.join(' ')
                : 'The part after the @ in your people’s email addresses, e.g. example.com. Each subdomain needs its own connector.'
            }
            ref={inputRef}
            className="input sso-domain-input"
            placeholder="example.com"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            inputMode="url"
          />
        )}
      </form.AppField>
      {!check.ok && check.suggestion ? (
        <p className="sso-suggestion">
          <button type="button" className="btn btn-small" onClick={() => form.setFieldValue('email_domain', check.suggestion!)}>
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
      {failed ? <ErrorBanner error={failed} title="The connector was not created" /> : null}

      <div className="field sso-checkbox-field">
        <form.Field name="use_fedramp_language">
          {(field) => (
            <label>
              <input type="checkbox" checked={field.state.value} onChange={(e) => field.handleChange(e.target.checked)} /> Show FedRAMP language at
              SSO login
            </label>
          )}
        </form.Field>
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
