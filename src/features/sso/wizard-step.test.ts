import { describe, expect, it } from 'vitest';
import { deriveWizardStep, stepIndex, WIZARD_STEPS } from './wizard-step';

const connector = (status: 'awaiting' | 'pending' | 'failed' | 'verified' | undefined, enabled = false) => ({
  enabled,
  verification: status === undefined ? undefined : { code: 'cloudflare_dashboard_sso=abc', status },
});

describe('deriveWizardStep', () => {
  it('starts at the domain step when there is no connector', () => {
    expect(deriveWizardStep(null)).toBe('domain');
    expect(deriveWizardStep(undefined)).toBe('domain');
  });

  it('asks for the DNS record until verification has begun', () => {
    expect(deriveWizardStep(connector('awaiting'))).toBe('dns');
    // Every field of the API's connector is optional: no status means nothing was started.
    expect(deriveWizardStep(connector(undefined))).toBe('dns');
    expect(deriveWizardStep({ verification: {} })).toBe('dns');
    expect(deriveWizardStep({})).toBe('dns');
  });

  it('shows the verify step while pending and after a failure', () => {
    expect(deriveWizardStep(connector('pending'))).toBe('verify');
    expect(deriveWizardStep(connector('failed'))).toBe('verify');
  });

  it('moves to enable once verified, and to the summary once enabled', () => {
    expect(deriveWizardStep(connector('verified'))).toBe('enable');
    expect(deriveWizardStep(connector('verified', true))).toBe('done');
  });

  it('treats an enabled connector as done whatever its status says', () => {
    expect(deriveWizardStep(connector('pending', true))).toBe('done');
    expect(deriveWizardStep(connector(undefined, true))).toBe('done');
  });
});

describe('stepIndex', () => {
  it('orders the steps and puts the summary after the last', () => {
    expect(WIZARD_STEPS.map((s) => stepIndex(s.id))).toEqual([0, 1, 2, 3]);
    expect(stepIndex('done')).toBe(4);
  });
});
