import { describe, expect, it } from 'vitest';
import {
  deriveRotationStep,
  initialRotationSession,
  rotationReducer,
  stepIndex,
  type RotationEvent,
  type RotationSession,
} from './rotation-steps';

const run = (events: RotationEvent[], from: RotationSession = initialRotationSession) => events.reduce(rotationReducer, from);

describe('deriveRotationStep', () => {
  it('starts by explaining the overlap when no rotation is pending', () => {
    expect(deriveRotationStep(false, initialRotationSession)).toEqual({ step: 'explain', resumed: false });
  });

  it('walks the happy path: explain → rotate → reveal → update-app → revoke → done', () => {
    const steps: string[] = [];
    let hasRotated = false;
    let session = initialRotationSession;
    const record = () => steps.push(deriveRotationStep(hasRotated, session).step);
    record();
    session = run([{ type: 'acknowledge' }], session);
    record();
    session = run([{ type: 'rotated' }], session);
    hasRotated = true;
    record();
    session = run([{ type: 'secret-closed', stored: true }], session);
    record();
    session = run([{ type: 'app-updated' }], session);
    record();
    session = run([{ type: 'revoked' }], session);
    hasRotated = false;
    record();
    expect(steps).toEqual(['explain', 'rotate', 'reveal', 'update-app', 'revoke', 'done']);
  });

  it('keeps showing the secret step even before the refetch says has_rotated_secret', () => {
    expect(deriveRotationStep(false, run([{ type: 'acknowledge' }, { type: 'rotated' }])).step).toBe('reveal');
  });

  it('resumes at revoke after a reload when a rotated secret is pending', () => {
    expect(deriveRotationStep(true, initialRotationSession)).toEqual({ step: 'revoke', resumed: true });
  });

  it('offers rotating again from the resume screen, without repeating the explanation', () => {
    const session = run([{ type: 'rotate-again' }]);
    expect(deriveRotationStep(true, session)).toEqual({ step: 'rotate', resumed: false });
    expect(deriveRotationStep(true, run([{ type: 'rotated' }], session)).step).toBe('reveal');
  });

  it('treats a secret dismissed without confirmation as lost: back to the resume screen', () => {
    const session = run([{ type: 'acknowledge' }, { type: 'rotated' }, { type: 'secret-closed', stored: false }]);
    expect(deriveRotationStep(true, session)).toEqual({ step: 'revoke', resumed: true });
  });

  it('does not ask to revoke before the application is confirmed updated', () => {
    const session = run([{ type: 'acknowledge' }, { type: 'rotated' }, { type: 'secret-closed', stored: true }]);
    expect(deriveRotationStep(true, session).step).toBe('update-app');
  });

  it('finishes when the old secret was revoked elsewhere meanwhile', () => {
    const session = run([{ type: 'acknowledge' }, { type: 'rotated' }, { type: 'secret-closed', stored: true }, { type: 'app-updated' }]);
    expect(deriveRotationStep(false, session).step).toBe('done');
  });

  it('after an attempt whose outcome is unknown, follows the server', () => {
    const attempting = run([{ type: 'rotate-again' }]);
    const after = rotationReducer(attempting, { type: 'outcome-unknown' });
    expect(deriveRotationStep(true, after)).toEqual({ step: 'revoke', resumed: true });
    expect(deriveRotationStep(false, run([{ type: 'acknowledge' }, { type: 'outcome-unknown' }])).step).toBe('rotate');
  });

  it('is done once revoked, whatever else is set', () => {
    expect(deriveRotationStep(true, { ...initialRotationSession, revoked: true, rotated: true }).step).toBe('done');
  });
});

describe('stepIndex', () => {
  it('orders steps for the progress list', () => {
    expect(stepIndex('explain')).toBe(0);
    expect(stepIndex('revoke')).toBe(4);
    expect(stepIndex('done')).toBe(5);
  });
});
