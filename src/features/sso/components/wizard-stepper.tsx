import { Stepper } from '@/components/ui/stepper';
import { stepIndex, WIZARD_STEPS, type WizardStep } from '../wizard-step';

export function WizardStepper({ step }: { step: WizardStep }) {
  return <Stepper labels={WIZARD_STEPS.map((s) => s.label)} current={stepIndex(step)} label="Setup steps" />;
}
