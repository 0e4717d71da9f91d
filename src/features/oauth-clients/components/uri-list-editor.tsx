import { useStore } from '@tanstack/react-form';
import { memo, useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import { fieldErrorText } from '@/components/form/api-errors';
import { uriRowProblem, type UriListField } from '../schemas';
import type { ClientForm } from './use-client-form';

/** How long typing in a row pauses before the row is checked. */
const ROW_CHECK_DELAY_MS = 400;

interface UriListEditorProps {
  form: ClientForm;
  /** The list this edits; each row is a field of its own (`redirect_uris[2]`). */
  name: UriListField;
  /** Plural label of the list, e.g. "Redirect URIs". */
  label: string;
  /** Singular, for row labels and buttons, e.g. "redirect URI". */
  itemLabel: string;
  hint?: ReactNode;
  /** The most rows the API takes: "Add" stops there and says why. */
  max: number;
  placeholder: string;
}

interface RowProps {
  index: number;
  value: string;
  error: string | undefined;
  errorId: string;
  itemLabel: string;
  placeholder: string;
  setInput: (index: number, el: HTMLInputElement | null) => void;
  onEdit: (index: number, value: string) => void;
  onRemove: (index: number) => void;
}

/**
 * One row. Memoised with callbacks that never change, so typing in one row re-renders that row
 * only, not every row of a long list.
 */
const UriRow = memo(function UriRow({ index, value, error, errorId, itemLabel, placeholder, setInput, onEdit, onRemove }: RowProps) {
  return (
    <li className={`oc-uri-list-row${error ? ' field-invalid' : ''}`}>
      <div className="oc-uri-list-inputs">
        <input
          ref={(el) => setInput(index, el)}
          className="input mono"
          type="url"
          inputMode="url"
          aria-label={`${capitalize(itemLabel)} ${index + 1}`}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
          placeholder={placeholder}
          value={value}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onEdit(index, e.target.value)}
        />
        <button type="button" className="btn btn-small" aria-label={`Remove ${itemLabel} ${index + 1}`} onClick={() => onRemove(index)}>
          Remove
        </button>
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </li>
  );
});

/** An ordered list of URLs: one input per row, each with its own error, add (up to the API's limit) and remove. */
export function UriListEditor({ form, name, label, itemLabel, hint, max, placeholder }: UriListEditorProps) {
  const id = useId();
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const focusIndex = useRef<number | null>(null);
  const values = useStore(form.store, (s) => s.values[name]);
  useEffect(() => {
    if (focusIndex.current === null) return;
    inputs.current[Math.min(focusIndex.current, values.length - 1)]?.focus();
    focusIndex.current = null;
  }, [values.length]);

  // Stable callbacks, so a memoised row re-renders only when its own value or error changes.
  const setInput = useCallback((index: number, el: HTMLInputElement | null) => {
    inputs.current[index] = el;
  }, []);
  const onEdit = useCallback((index: number, value: string) => form.setFieldValue(`${name}[${index}]`, value), [form, name]);
  const onRemove = useCallback(
    (index: number) => {
      focusIndex.current = index;
      // TanStack Form moves the errors of the rows after it up along with their rows.
      void form.removeFieldValue(name, index);
    },
    [form, name],
  );

  const full = values.length >= max;
  return (
    <form.Field name={name} mode="array">
      {(list) => {
        const listError = fieldErrorText(list.state.meta);
        const describedBy = [hint ? `${id}-hint` : null, listError ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
        return (
          <fieldset className={`field oc-uri-list${listError ? ' field-invalid' : ''}`} aria-describedby={describedBy}>
            <legend>{label}</legend>
            {hint ? (
              <p className="field-hint" id={`${id}-hint`}>
                {hint}
              </p>
            ) : null}
            {values.length === 0 ? <p className="muted oc-uri-list-empty">None.</p> : null}
            <ol className="oc-uri-list-rows">
              {values.map((_, i) => (
                <form.Field
                  key={i}
                  name={`${name}[${i}]`}
                  /*
                   * A row's problem shows beside it as it is typed, once typing pauses: not on blur,
                   * since a message appearing as the pointer goes down on "Add" moves the button and
                   * loses the click. A row already flagged is checked again at once: its message goes
                   * the moment it is right.
                   */
                  asyncDebounceMs={ROW_CHECK_DELAY_MS}
                  validators={{
                    onChange: ({ fieldApi }) => (fieldApi.state.meta.errors.length ? (uriRowProblem(name, form.getFieldValue(name), i) ?? undefined) : undefined),
                    onChangeAsync: async () => uriRowProblem(name, form.getFieldValue(name), i) ?? undefined,
                  }}
                >
                  {(row) => (
                    <UriRow
                      index={i}
                      value={row.state.value}
                      error={fieldErrorText(row.state.meta)}
                      errorId={`${id}-${i}-error`}
                      itemLabel={itemLabel}
                      placeholder={placeholder}
                      setInput={setInput}
                      onEdit={onEdit}
                      onRemove={onRemove}
                    />
                  )}
                </form.Field>
              ))}
            </ol>
            {listError ? (
              <p className="field-error" id={`${id}-error`}>
                {listError}
              </p>
            ) : null}
            {full ? (
              <p className="field-hint" id={`${id}-max`}>
                At most {max} {itemLabel}s: that is all the API takes. Remove one to add another.
              </p>
            ) : null}
            <button
              type="button"
              className="btn btn-small"
              disabled={full}
              aria-describedby={full ? `${id}-max` : undefined}
              onClick={() => {
                if (values.length >= max) return;
                focusIndex.current = values.length;
                list.pushValue('');
              }}
            >
              Add {itemLabel}
            </button>
          </fieldset>
        );
      }}
    </form.Field>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
