import { useEffect, useId, useRef } from 'react';
import { checkAccountKeyInput, describeKey } from '@/lib/scope-keys';
import { useZoneNames } from '../zones/use-zone-names';
import { ZonePicker } from '../zones/zone-picker';
import { draftZoneIds, mergeScopeErrors, toggleDraftZone, validateScopeDraft, type ScopeDraft, type ScopeErrors } from './scope-draft';
import { ZoneRow } from './zone-row';

interface ScopeBuilderProps {
  value: ScopeDraft;
  onChange: (next: ScopeDraft) => void;
  /** The account being worked in: the API accepts only its key as the scope key. */
  accountId: string;
  accountName?: string;
  /** Errors from a save attempt or the API; shown ahead of the checks made while typing. */
  errors?: ScopeErrors;
  disabled?: boolean;
  legend?: string;
}

/**
 * Edits one scope: the account key, then either the whole account or a list of zones, chosen by
 * domain in the zone picker or pasted as ids. Controlled, so a resource-group form and the policy
 * composer can both embed it; the only fetches are the picker's search and the zone names.
 */
export function ScopeBuilder({ value, onChange, accountId, accountName, errors, disabled, legend = 'Scope' }: ScopeBuilderProps) {
  const id = useId();
  const zoneRefs = useRef<Array<HTMLInputElement | null>>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  /** Where the keyboard goes after the rows change: a row index, or the Add button. */
  const focusNext = useRef<number | 'add' | null>(null);
  const shown = mergeScopeErrors(errors, validateScopeDraft(value, accountId, { complete: false }));
  const keyCheck = checkAccountKeyInput(value.key, accountId);
  const zoneIds = draftZoneIds(value);
  const zone = useZoneNames(accountId, zoneIds);
  const names = { accountId, accountName, zone };

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'add') addButton.current?.focus();
    else zoneRefs.current[target]?.focus();
  });

  const setZones = (zones: string[], focus?: number | 'add') => {
    if (focus !== undefined) focusNext.current = focus;
    onChange({ ...value, zones });
  };
  const addZone = () => setZones([...value.zones, ''], value.zones.length);
  const setAllZones = (on: boolean) =>
    onChange(on ? { ...value, coverage: 'account' } : { ...value, coverage: 'zones', zones: value.zones.length ? value.zones : [''] });
  const removeZone = (i: number) => {
    const zones = value.zones.filter((_, j) => j !== i);
    // Keep the keyboard where it was: on the next row, or the previous one at the end.
    setZones(zones, zones.length ? Math.min(i, zones.length - 1) : 'add');
  };

  const keyHint =
    keyCheck.status === 'valid' ? describeKey(keyCheck.key, names) : keyCheck.status === 'partial' ? keyCheck.message : undefined;

  return (
    <fieldset className="scope-builder" disabled={disabled} aria-describedby={shown.general ? `${id}-general` : undefined}>
      <legend>{legend}</legend>
      {shown.general ? (
        <p id={`${id}-general`} className="field-error" role="alert">
          {shown.general}
        </p>
      ) : null}

      <div className={`field${shown.key ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-key`}>Scope key</label>
        <input
          id={`${id}-key`}
          className="input mono"
          value={value.key}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={Boolean(shown.key)}
          aria-describedby={`${id}-key-status`}
          onChange={(e) => onChange({ ...value, key: e.target.value })}
          onBlur={() => {
            if (keyCheck.status === 'valid' && keyCheck.key !== value.key) onChange({ ...value, key: keyCheck.key });
          }}
        />
        <p id={`${id}-key-status`} className={shown.key ? 'field-error' : 'field-hint'}>
          {shown.key ?? keyHint ?? 'com.cloudflare.api.account.<account id>'}
        </p>
      </div>

      <fieldset className="scope-coverage" aria-describedby={shown.coverage ? `${id}-coverage-error` : undefined}>
        <legend>Covers</legend>
        <label className="radio-option">
          <input
            type="radio"
            name={`${id}-coverage`}
            checked={value.coverage === 'account'}
            onChange={() => onChange({ ...value, coverage: 'account' })}
          />
          <span>
            Whole account <span className="muted">— every zone, including zones added later</span>
          </span>
        </label>
        <label className="radio-option">
          <input
            type="radio"
            name={`${id}-coverage`}
            checked={value.coverage === 'zones'}
            onChange={() => onChange({ ...value, coverage: 'zones', zones: value.zones.length ? value.zones : [''] })}
          />
          <span>Specific zones</span>
        </label>
        {shown.coverage ? (
          <p id={`${id}-coverage-error`} className="field-error" role="alert">
            {shown.coverage}
          </p>
        ) : null}
      </fieldset>

      <div className="scope-zone-picker">
        <ZonePicker
          accountId={accountId}
          selected={new Set(zoneIds)}
          allZones={value.coverage === 'account'}
          onToggle={(zoneId, on) => onChange(toggleDraftZone(value, zoneId, on))}
          onAllZones={setAllZones}
          disabled={disabled}
        />
      </div>

      {value.coverage === 'zones' ? (
        <div className="scope-zones">
          <p className="field-hint" id={`${id}-zones-hint`}>
            Choose zones by domain above, or paste zone IDs (32 hex characters) or keys; a list separated by spaces, commas or new lines adds one
            row each.
          </p>
          <ol className="scope-zone-list" aria-label="Zones">
            {value.zones.map((zone, i) => (
              <ZoneRow
                key={i}
                ref={(el) => {
                  zoneRefs.current[i] = el;
                }}
                index={i}
                idPrefix={id}
                value={zone}
                names={names}
                error={shown.zones?.[i]}
                disabled={disabled}
                onChange={(next) => setZones(value.zones.map((z, j) => (j === i ? next : z)))}
                onPasteMany={(keys) => {
                  const zones = [...value.zones.slice(0, i), ...keys, ...value.zones.slice(i + 1)];
                  setZones(zones, i + keys.length - 1);
                }}
                onRemove={() => removeZone(i)}
              />
            ))}
          </ol>
          <button type="button" ref={addButton} className="btn btn-small" onClick={addZone}>
            Add zone
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
