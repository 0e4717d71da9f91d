import type { ClipboardEvent, Ref } from 'react';
import { checkZoneInput, describeKey, parseKey, splitPastedKeys, type KeyCheck, type KeyNames, type ZoneName } from '@/lib/scope-keys';

interface ZoneRowProps {
  index: number;
  idPrefix: string;
  value: string;
  /** The account and zone names, to show the row's domain or that the account has no such zone. */
  names: KeyNames;
  error?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  /** A paste of several ids: the first replaces this row, the rest become new rows after it. */
  onPasteMany: (keys: string[]) => void;
  onRemove: () => void;
  ref?: Ref<HTMLInputElement>;
}

/** " (pending)", " (active, paused)": worth knowing when choosing; nothing for an active zone. */
function zoneState(zone: { status?: string; paused?: boolean }): string {
  const parts = [zone.status && zone.status !== 'active' ? zone.status : '', zone.paused ? 'paused' : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** What a row says under its field when nothing is wrong with it: the domain, or why there is none. */
function rowStatus(check: KeyCheck, known: ZoneName | undefined, names: KeyNames): string {
  if (check.status === 'partial') return check.message;
  if (check.status !== 'valid') return 'Zone ID or key';
  if (known?.state === 'found') return `${known.name}${zoneState(known)}`;
  if (known?.state === 'missing') {
    return `${names.accountName ?? 'This account'} has no zone with this ID, or this credential cannot see it. Check the ID, or choose the zone by domain.`;
  }
  if (known?.state === 'unavailable') return `${describeKey(check.key, names)}: the zone list could not be read, so its domain is not shown`;
  return describeKey(check.key, names);
}

/** One zone object: its key as typed, checked as typed, and shown the way a person reads it. */
export function ZoneRow({ index, idPrefix, value, names, error, disabled, onChange, onPasteMany, onRemove, ref }: ZoneRowProps) {
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

  const zoneId = check.status === 'valid' ? parseKey(check.key) : null;
  const known = zoneId?.kind === 'zone' ? names.zone?.(zoneId.id) : undefined;
  // Not an error the API raises, so saving stays possible (a token may see fewer zones than exist).
  const missing = !error && known?.state === 'missing';
  const status = error ?? rowStatus(check, known, names);
  const statusClass = error ? 'field-error' : missing ? 'field-warning' : known?.state === 'found' ? 'scope-zone-name' : 'field-hint';

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
      <p id={statusId} className={`${statusClass} scope-zone-status`}>
        {status}
      </p>
    </li>
  );
}
