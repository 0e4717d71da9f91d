import type { SsoConnector } from '@/api/sso/schema';

export type WizardStep = 'domain' | 'dns' | 'verify' | 'enable' | 'done';

export const WIZARD_STEPS: ReadonlyArray<{ id: WizardStep; label: string }> = [
  { id: 'domain', label: 'Email domain' },
  { id: 'dns', label: 'DNS record' },
  { id: 'verify', label: 'Verify' },
  { id: 'enable', label: 'Enable SSO' },
];

/**
 * The wizard's step, derived only from the connector as the server holds it, so a reload, the back
 * button or coming back days later lands on the same step with nothing stored in the browser.
 * - no connector yet → choose the domain
 * - verification not started (`awaiting`, or no status at all) → publish the DNS record
 * - `pending` or `failed` → the verify step (live status, or the failure with its likely causes)
 * - `verified` → enable; once enabled → the summary
 * An enabled connector is done whatever its status says: SSO is already on, so the wizard must
 * not send the admin back through steps that no longer apply.
 */
export function deriveWizardStep(connector: Pick<SsoConnector, 'enabled' | 'verification'> | null | undefined): WizardStep {
  if (!connector) return 'domain';
  if (connector.enabled) return 'done';
  switch (connector.verification?.status) {
    case 'pending':
    case 'failed':
      return 'verify';
    case 'verified':
      return 'enable';
    default:
      return 'dns';
  }
}

/** Position in WIZARD_STEPS (the summary counts as past the last step). */
export function stepIndex(step: WizardStep): number {
  return step === 'done' ? WIZARD_STEPS.length : WIZARD_STEPS.findIndex((s) => s.id === step);
}
