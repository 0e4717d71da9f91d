import { Stepper } from '@/components/ui/stepper';
import { ROTATION_STEPS, stepIndex, type RotationStep } from '../rotation-steps';

export function RotationProgress({ step }: { step: RotationStep }) {
  return <Stepper labels={ROTATION_STEPS.map((s) => s.label)} current={stepIndex(step)} label="Rotation progress" layout="column" />;
}
