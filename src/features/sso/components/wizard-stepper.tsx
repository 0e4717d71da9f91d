import { stepIndex, WIZARD_STEPS, type WizardStep } from '../wizard-step';

/** Where the admin is in the setup; finished steps are marked, the current one is announced. */
export function WizardStepper({ step }: { step: WizardStep }) {
  const current = stepIndex(step);
  return (
    <ol className="sso-stepper" aria-label="Setup steps">
      {WIZARD_STEPS.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={s.id} className={`sso-stepper-item sso-stepper-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="sso-stepper-marker" aria-hidden="true">
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
