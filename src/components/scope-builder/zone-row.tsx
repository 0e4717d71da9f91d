import type { ClipboardEvent, Ref } from 'react';
import { checkZoneInput, describeKey, splitPastedKeys } from '../../lib/scope-keys';

interface ZoneRowProps {
  index: number;
  idPrefix: string;
  value: string;
  error?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  /** A paste of several ids: the first replaces this row, the rest become new rows after it. */
  onPasteMany: (keys: string[]) => void;
  onRemove: () => void;
  ref?: Ref<HTMLInputElement>;
}

/** One zone object: its key as typed, checked as typed, and shown the way a person reads it. */
export function ZoneRow({ index, idPrefix, value, error, disabled, onChange, onPasteMany, onRemove, ref }: ZoneRowProps) {
  const check = checkZoneInput(value);
  const inputId = `${idPrefix}-zone-${index}`;
  const statusId = `${inputId}-status`;
  const label = `Zone ${index + 1}`;

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const parts = splitPastedKeys(event.clipboardData.getData('text'));
    if (parts.length === 0) return;
    // Replace the row with the pasted key(s) turned into full keys where they are valid.
    event.preventDefault();
    const keys = parts.map((p) => {
      const c = checkZoneInput(p);
      return c.status === 'valid' ? c.key : p;
    });
    onPasteMany(keys);
  };

  const status =
    error ?? (check.status === 'valid' ? describeKey(check.key) : check.status === 'partial' ? check.message : 'Zone ID or key');

  return (
    <li className={`scope-zone${error ? ' scope-zone-invalid' : ''}`}>
      <label htmlFor={inputId} className="scope-zone-label">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        className="input mono scope-zone-input"
        value={value}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        placeholder="com.cloudflare.api.account.zone.<zone id> or a zone ID"
        aria-invalid={Boolean(error)}
        aria-describedby={statusId}
        onChange={(e) => onChange(e.target.value)}
        onPaste={onPaste}
        onBlur={() => {
          // A bare id becomes its key once the admin moves on, so what is saved is what is shown.
          if (check.status === 'valid' && check.key !== value) onChange(check.key);
        }}
      />
      <button type="button" className="btn btn-small" disabled={disabled} onClick={onRemove} aria-label={`Remove zone ${index + 1}`}>
        Remove
      </button>
      <p id={statusId} className={error ? 'field-error scope-zone-status' : 'field-hint scope-zone-status'}>
        {status}
      </p>
    </li>
  );
}
