import { useId } from 'react';
import type { FormErrors } from '../form-errors';
import { AUTH_METHOD_TEXT, GRANT_TYPE_TEXT, RESPONSE_TYPE_TEXT } from '../labels';
import { AUTH_METHODS, GRANT_TYPES, RESPONSE_TYPES, type ClientFormValues } from '../schemas';

interface FlowFieldsProps {
  values: ClientFormValues;
  errors: FormErrors;
  set: <K extends keyof ClientFormValues>(key: K, value: ClientFormValues[K]) => void;
}

/** Keeps a list in the canonical order, whatever order the boxes were ticked in. */
function toggled<T extends string>(all: readonly T[], current: T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : current.includes(v)));
}

/** First error at a list or any of its items. */
function listError(errors: FormErrors, key: string): string | undefined {
  return errors[`/${key}`] ?? Object.entries(errors).find(([p]) => p.startsWith(`/${key}/`))?.[1];
}

/** Grant types, response types and the token endpoint auth method, each with what it means. */
export function FlowFields({ values, errors, set }: FlowFieldsProps) {
  const id = useId();
  const grantError = listError(errors, 'grant_types');
  const responseError = listError(errors, 'response_types');
  const authError = errors['/token_endpoint_auth_method'];
  return (
    <>
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
                checked={required || values.grant_types.includes(grant)}
                disabled={required}
                aria-describedby={`${id}-grant-${grant}-help`}
                onChange={(e) => set('grant_types', toggled(GRANT_TYPES, ['authorization_code', ...values.grant_types], grant, e.target.checked))}
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

      <fieldset className={`field oc-choice-group${responseError ? ' field-invalid' : ''}`} aria-describedby={responseError ? `${id}-response-error` : undefined}>
        <legend>Response types</legend>
        {RESPONSE_TYPES.map((type) => (
          <div key={type} className="oc-choice">
            <input
              id={`${id}-response-${type}`}
              type="checkbox"
              checked={values.response_types.includes(type)}
              aria-describedby={`${id}-response-${type}-help`}
              onChange={(e) => set('response_types', toggled(RESPONSE_TYPES, values.response_types, type, e.target.checked))}
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

      <fieldset className={`field oc-choice-group${authError ? ' field-invalid' : ''}`} aria-describedby={authError ? `${id}-auth-error` : undefined}>
        <legend>Token endpoint authentication</legend>
        <p className="field-hint">How your application proves it is this client when it exchanges a code for tokens.</p>
        {AUTH_METHODS.map((method) => (
          <div key={method} className="oc-choice">
            <input
              id={`${id}-auth-${method}`}
              type="radio"
              name={`${id}-auth`}
              checked={values.token_endpoint_auth_method === method}
              aria-describedby={`${id}-auth-${method}-help`}
              onChange={() => set('token_endpoint_auth_method', method)}
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
    </>
  );
}
