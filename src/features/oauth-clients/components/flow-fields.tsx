import { useId } from 'react';
import { fieldErrorText } from '@/components/form/api-errors';
import { AUTH_METHOD_TEXT, GRANT_TYPE_TEXT, RESPONSE_TYPE_TEXT } from '../labels';
import { AUTH_METHODS, GRANT_TYPES, RESPONSE_TYPES } from '../schemas';
import type { ClientForm } from './use-client-form';

/** Keeps a list in the canonical order, whatever order the boxes were ticked in. */
function toggled<T extends string>(all: readonly T[], current: T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : current.includes(v)));
}

/**
 * Grant types, response types and the token endpoint auth method, each with what it means. Each
 * is one field: an error at one of its entries (/grant_types/1) is shown for the whole group.
 */
export function FlowFields({ form }: { form: ClientForm }) {
  const id = useId();
  return (
    <>
      <form.Field name="grant_types">
        {(field) => {
          const grantError = fieldErrorText(field.state.meta);
          return (
            <fieldset className={`field oc-choice-group${grantError ? ' field-invalid' : ''}`} aria-describedby={grantError ? `${id}-grant-error` : undefined}>
              <legend>Grant types</legend>
              {GRANT_TYPES.map((grant) => {
                const required = grant === 'authorization_code';
                return (
                  <div key={grant} className="oc-choice">
                    <input
                      id={`${id}-grant-${grant}`}
                      type="checkbox"
                      // authorization_code is required by the API: shown, never removable.
                      checked={required || field.state.value.includes(grant)}
                      disabled={required}
                      aria-describedby={`${id}-grant-${grant}-help`}
                      onChange={(e) => field.handleChange(toggled(GRANT_TYPES, ['authorization_code', ...field.state.value], grant, e.target.checked))}
                    />
                    <div>
                      <label htmlFor={`${id}-grant-${grant}`}>
                        {GRANT_TYPE_TEXT[grant].label} <span className="mono muted">{grant}</span>
                        {required ? <span className="muted"> (required)</span> : null}
                      </label>
                      <p className="field-hint" id={`${id}-grant-${grant}-help`}>
                        {GRANT_TYPE_TEXT[grant].help}
                      </p>
                    </div>
                  </div>
                );
              })}
              {grantError ? (
                <p className="field-error" id={`${id}-grant-error`}>
                  {grantError}
                </p>
              ) : null}
            </fieldset>
          );
        }}
      </form.Field>

      <form.Field name="response_types">
        {(field) => {
          const responseError = fieldErrorText(field.state.meta);
          return (
            <fieldset className={`field oc-choice-group${responseError ? ' field-invalid' : ''}`} aria-describedby={responseError ? `${id}-response-error` : undefined}>
              <legend>Response types</legend>
              {RESPONSE_TYPES.map((type) => (
                <div key={type} className="oc-choice">
                  <input
                    id={`${id}-response-${type}`}
                    type="checkbox"
                    checked={field.state.value.includes(type)}
                    aria-describedby={`${id}-response-${type}-help`}
                    onChange={(e) => field.handleChange(toggled(RESPONSE_TYPES, field.state.value, type, e.target.checked))}
                  />
                  <div>
                    <label htmlFor={`${id}-response-${type}`} className="mono">
                      {RESPONSE_TYPE_TEXT[type].label}
                    </label>
                    <p className="field-hint" id={`${id}-response-${type}-help`}>
                      {RESPONSE_TYPE_TEXT[type].help}
                    </p>
                  </div>
                </div>
              ))}
              {responseError ? (
                <p className="field-error" id={`${id}-response-error`}>
                  {responseError}
                </p>
              ) : null}
            </fieldset>
          );
        }}
      </form.Field>

      <form.Field name="token_endpoint_auth_method">
        {(field) => {
          const authError = fieldErrorText(field.state.meta);
          return (
            <fieldset className={`field oc-choice-group${authError ? ' field-invalid' : ''}`} aria-describedby={authError ? `${id}-auth-error` : undefined}>
              <legend>Token endpoint authentication</legend>
              <p className="field-hint">How your application proves it is this client when it exchanges a code for tokens.</p>
              {AUTH_METHODS.map((method) => (
                <div key={method} className="oc-choice">
                  <input
                    id={`${id}-auth-${method}`}
                    type="radio"
                    name={`${id}-auth`}
                    checked={field.state.value === method}
                    aria-describedby={`${id}-auth-${method}-help`}
                    onChange={() => field.handleChange(method)}
                  />
                  <div>
                    <label htmlFor={`${id}-auth-${method}`}>{AUTH_METHOD_TEXT[method].label}</label>
                    <p className="field-hint" id={`${id}-auth-${method}-help`}>
                      {AUTH_METHOD_TEXT[method].help}
                    </p>
                  </div>
                </div>
              ))}
              {authError ? (
                <p className="field-error" id={`${id}-auth-error`}>
                  {authError}
                </p>
              ) : null}
            </fieldset>
          );
        }}
      </form.Field>
    </>
  );
}
