import './access-end.css';
import { useId } from 'react';
import { Field } from '../ui/field';

/** How long access lasts when adding people to a group: no end, a duration, or until a time. */
export type AccessEndChoice = { kind: 'none' } | { kind: 'duration'; hours: number } | { kind: 'until'; local: string };

export interface AccessEndValue {
  choice: AccessEndChoice;
  reason: string;
}

export const NO_END: AccessEndValue = { choice: { kind: 'none' }, reason: '' };

const DURATIONS = [
  { hours: 4, label: '4 hours' },
  { hours: 24, label: '1 day' },
  { hours: 24 * 7, label: '1 week' },
] as const;

/** When access ends for a choice made now; null for no end (or an unreadable date). */
export function endOf(choice: AccessEndChoice, now = Date.now()): Date | null {
  if (choice.kind === 'duration') return new Date(now + choice.hours * 3_600_000);
  if (choice.kind === 'until') {
    const t = Date.parse(choice.local);
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}

/** What is wrong with a chosen end before anything is sent (the server checks the same), or null. */
export function endChoiceProblem(value: AccessEndValue, reasonRequired: boolean, now = Date.now()): { ends?: string; reason?: string } | null {
  if (value.choice.kind === 'none') return null;
  const end = endOf(value.choice, now);
  if (!end) return { ends: 'Choose a date and time' };
  if (end.getTime() < now + 30_000) return { ends: 'The end must be at least 30 seconds from now' };
  if (end.getTime() > now + 366 * 86_400_000) return { ends: 'The end must be within a year' };
  if (reasonRequired && !value.reason.trim()) return { reason: 'This group grants administrator access: say why this person needs it' };
  return null;
}

/** `datetime-local` wants local time without a zone: "2026-12-07T14:30". */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The "Access ends" choice of the add-members dialogs. A reason is asked for always and required
 * when the group grants administrator access; the server says the same (field errors arrive as
 * `endsError` / `reasonError`, from its `/ends_at` and `/reason` pointers).
 */
export function AccessEndField({
  value,
  onChange,
  reasonRequired,
  endsError,
  reasonError,
  keptBy,
  askReason = true,
}: {
  value: AccessEndValue;
  onChange: (next: AccessEndValue) => void;
  reasonRequired: boolean;
  endsError?: string;
  reasonError?: string;
  keptBy?: 'process-timer' | 'durable-object-alarm';
  /** Off when changing an existing end: its grant's reason stands. */
  askReason?: boolean;
}) {
  const name = useId();
  const { choice } = value;
  const set = (next: AccessEndChoice) => onChange({ ...value, choice: next });
  const timeBound = choice.kind !== 'none';
  return (
    <fieldset className="access-end">
      <legend>Access ends</legend>
      <div className="access-end-options">
        <label>
          <input type="radio" name={name} checked={choice.kind === 'none'} onChange={() => set({ kind: 'none' })} /> No end
        </label>
        {DURATIONS.map((d) => (
          <label key={d.hours}>
            <input type="radio" name={name} checked={choice.kind === 'duration' && choice.hours === d.hours} onChange={() => set({ kind: 'duration', hours: d.hours })} />{' '}
            After {d.label}
          </label>
        ))}
        <label>
          <input
            type="radio"
            name={name}
            checked={choice.kind === 'until'}
            onChange={() => set({ kind: 'until', local: choice.kind === 'until' ? choice.local : localInput(new Date(Date.now() + 3_600_000)) })}
          />{' '}
          At a date and time
        </label>
      </div>
      {choice.kind === 'until' ? (
        <Field label="Ends at (your local time)" error={endsError}>
          {(props) => <input {...props} type="datetime-local" className="input" value={choice.local} onChange={(e) => set({ kind: 'until', local: e.target.value })} />}
        </Field>
      ) : endsError ? (
        <p className="field-error" role="alert">
          {endsError}
        </p>
      ) : null}
      {timeBound && askReason ? (
        <>
          <Field
            label={reasonRequired ? 'Reason (required: this group grants administrator access)' : 'Reason (optional)'}
            error={reasonError}
            hint="Kept with the grant and in History, for whoever reviews access later."
          >
            {(props) => (
              <input {...props} className="input" value={value.reason} maxLength={500} required={reasonRequired} onChange={(e) => onChange({ ...value, reason: e.target.value })} />
            )}
          </Field>
          {keptBy === 'process-timer' ? (
            <p className="field-hint">
              The console server on this computer removes them at the end: keep it running (an end that passes while it is stopped is carried out at its next
              start), or use the team deployment, which does it on its own.
            </p>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
