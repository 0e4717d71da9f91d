import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ListChange } from '../form-errors';

interface UriListEditorProps {
  /** Plural label of the list, e.g. "Redirect URIs". */
  label: string;
  /** Singular, for row labels and buttons, e.g. "redirect URI". */
  itemLabel: string;
  hint?: ReactNode;
  values: string[];
  /** The new list and what changed, so the form can move row errors along with their rows. */
  onChange: (values: string[], change: ListChange) => void;
  /** The error of the whole list (/redirect_uris) and of each row (/redirect_uris/2). */
  listError?: string;
  itemError: (index: number) => string | undefined;
  placeholder: string;
}

/** An ordered list of URLs: one input per row, each with its own error, add and remove. */
export function UriListEditor({ label, itemLabel, hint, values, onChange, listError, itemError, placeholder }: UriListEditorProps) {
  const id = useId();
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    inputs.current[Math.min(focusIndex.current, values.length - 1)]?.focus();
    focusIndex.current = null;
  }, [values.length]);

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
        {values.map((value, i) => {
          const error = itemError(i);
          const errorId = `${id}-${i}-error`;
          return (
            <li key={i} className={`oc-uri-list-row${error ? ' field-invalid' : ''}`}>
              <div className="oc-uri-list-inputs">
                <input
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  className="input mono"
                  type="url"
                  inputMode="url"
                  aria-label={`${capitalize(itemLabel)} ${i + 1}`}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? errorId : undefined}
                  placeholder={placeholder}
                  value={value}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => onChange(values.map((v, j) => (j === i ? e.target.value : v)), { type: 'edit', index: i })}
                />
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Remove ${itemLabel} ${i + 1}`}
                  onClick={() => {
                    focusIndex.current = i;
                    onChange(values.filter((_, j) => j !== i), { type: 'remove', index: i });
                  }}
                >
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
        })}
      </ol>
      {listError ? (
        <p className="field-error" id={`${id}-error`}>
          {listError}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
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
