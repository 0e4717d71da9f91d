/** Where a wizard is: finished steps ticked, the current one announced as the current step. */
export function Stepper({
  labels,
  current,
  label,
  layout = 'row',
}: {
  labels: string[];
  current: number;
  /** The list's accessible name, e.g. "Setup steps". */
  label: string;
  /** A row of pills above the content, or a column beside it. */
  layout?: 'row' | 'column';
}) {
  return (
    <ol className={`stepper stepper-${layout}`} aria-label={label}>
      {labels.map((text, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={text} className={`stepper-item stepper-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="stepper-marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>
              {text}
              {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
