import { memo, useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import type { ListChange } from '../form-errors';

interface UriListEditorProps {
  /** Plural label of the list, e.g. "Redirect URIs". */
  label: string;
  /** Singular, for row labels and buttons, e.g. "redirect URI". */
  itemLabel: string;
  hint?: ReactNode;
  values: string[];
  /** The most rows the API takes: "Add" stops there and says why. */
  max: number;
  /** The new list and what changed, so the form can move row errors along with their rows. */
  onChange: (values: string[], change: ListChange) => void;
  /** The error of the whole list (/redirect_uris) and of each row (/redirect_uris/2). */
  listError?: string;
  itemError: (index: number) => string | undefined;
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
export function UriListEditor({ label, itemLabel, hint, values, max, onChange, listError, itemError, placeholder }: UriListEditorProps) {
  const id = useId();
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    inputs.current[Math.min(focusIndex.current, values.length - 1)]?.focus();
    focusIndex.current = null;
  }, [values.length]);

  // The rows' callbacks read the latest list and handlers from here, so they can stay the same.
  const latest = useRef({ values, onChange });
  useEffect(() => {
    latest.current = { values, onChange };
  });
  const setInput = useCallback((index: number, el: HTMLInputElement | null) => {
    inputs.current[index] = el;
  }, []);
  const onEdit = useCallback((index: number, value: string) => {
    const { values, onChange } = latest.current;
    onChange(
      values.map((v, j) => (j === index ? value : v)),
      { type: 'edit', index },
    );
  }, []);
  const onRemove = useCallback((index: number) => {
    const { values, onChange } = latest.current;
    focusIndex.current = index;
    onChange(
      values.filter((_, j) => j !== index),
      { type: 'remove', index },
    );
  }, []);

  const full = values.length >= max;
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
        {values.map((value, i) => (
          <UriRow
            key={i}
            index={i}
            value={value}
            error={itemError(i)}
            errorId={`${id}-${i}-error`}
            itemLabel={itemLabel}
            placeholder={placeholder}
            setInput={setInput}
            onEdit={onEdit}
            onRemove={onRemove}
          />
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
          onChange([...values, ''], { type: 'add' });
        }}
      >
        Add {itemLabel}
      </button>
    </fieldset>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
