import { ROTATION_STEPS, stepIndex, type RotationStep } from '../rotation-steps';

/** Where the wizard is: done steps ticked, the current one marked for assistive technology. */
export function RotationProgress({ step }: { step: RotationStep }) {
  const current = stepIndex(step);
  return (
    <ol className="oc-wizard-steps" aria-label="Rotation progress">
      {ROTATION_STEPS.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'upcoming';
        return (
          <li key={s.step} className={`oc-wizard-step oc-wizard-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="oc-wizard-step-marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>
              {s.label}
              {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
