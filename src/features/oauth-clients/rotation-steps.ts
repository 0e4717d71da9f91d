/**
 * The rotation wizard's step, derived from what the server says (has_rotated_secret) and what
 * happened in this visit. Nothing about a rotation is stored on the client: reloading mid-way
 * lands where the server's state says, which is what makes the wizard resumable.
 */

export type RotationStep = 'explain' | 'rotate' | 'reveal' | 'update-app' | 'revoke' | 'done';

export const ROTATION_STEPS: ReadonlyArray<{ step: Exclude<RotationStep, 'done'>; label: string }> = [
  { step: 'explain', label: 'How rotation works' },
  { step: 'rotate', label: 'Create a new secret' },
  { step: 'reveal', label: 'Copy the new secret' },
  { step: 'update-app', label: 'Update your application' },
  { step: 'revoke', label: 'Revoke the old secret' },
];

/** What happened during this visit to the wizard (component state; never the secret itself). */
export interface RotationSession {
  /** The admin read how the overlap works and went on. */
  acknowledgedOverlap: boolean;
  /** POST rotate_secret answered with a secret during this visit. */
  rotated: boolean;
  /** The admin confirmed they stored that secret (the dialog then forgot it). */
  secretStored: boolean;
  /** The admin confirmed their application now runs on the new secret. */
  appUpdated: boolean;
  /** DELETE rotate_secret succeeded during this visit. */
  revoked: boolean;
  /** From the resume screen, the admin chose to issue a fresh secret instead of revoking. */
  rotateAgain: boolean;
}

export const initialRotationSession: RotationSession = {
  acknowledgedOverlap: false,
  rotated: false,
  secretStored: false,
  appUpdated: false,
  revoked: false,
  rotateAgain: false,
};

export interface DerivedRotation {
  step: RotationStep;
  /**
   * A rotation is pending from an earlier visit (or its secret was lost): the new secret cannot be
   * shown again, so the revoke step offers to rotate again instead.
   */
  resumed: boolean;
}

export function deriveRotationStep(hasRotatedSecret: boolean, session: RotationSession): DerivedRotation {
  if (session.revoked) return { step: 'done', resumed: false };
  if (session.rotated) {
    if (!session.secretStored) return { step: 'reveal', resumed: false };
    if (!session.appUpdated) return { step: 'update-app', resumed: false };
    // Someone revoked the old secret elsewhere meanwhile: nothing is left to do.
    return { step: hasRotatedSecret ? 'revoke' : 'done', resumed: false };
  }
  if (hasRotatedSecret && !session.rotateAgain) return { step: 'revoke', resumed: true };
  // Rotating again from the resume screen: the overlap was explained there.
  if (session.rotateAgain) return { step: 'rotate', resumed: false };
  return { step: session.acknowledgedOverlap ? 'rotate' : 'explain', resumed: false };
}

export type RotationEvent =
  | { type: 'acknowledge' }
  | { type: 'rotated' }
  /** The secret dialog closed: stored, or dismissed without confirming (the secret is then lost). */
  | { type: 'secret-closed'; stored: boolean }
  | { type: 'app-updated' }
  | { type: 'revoked' }
  | { type: 'rotate-again' }
  /** The rotation may have happened without us receiving the secret: resume from the server's state. */
  | { type: 'outcome-unknown' };

export function rotationReducer(session: RotationSession, event: RotationEvent): RotationSession {
  switch (event.type) {
    case 'acknowledge':
      return { ...session, acknowledgedOverlap: true };
    case 'rotated':
      return { ...session, rotated: true, secretStored: false, appUpdated: false, rotateAgain: false };
    case 'secret-closed':
      // A secret dismissed unconfirmed is as good as lost: fall back to the resume screen, whose
      // "rotate again" is the way out.
      return event.stored ? { ...session, secretStored: true } : { ...session, rotated: false, rotateAgain: false };
    case 'app-updated':
      return { ...session, appUpdated: true };
    case 'revoked':
      return { ...session, revoked: true };
    case 'rotate-again':
      return { ...initialRotationSession, acknowledgedOverlap: true, rotateAgain: true };
    case 'outcome-unknown':
      return { ...session, rotated: false, rotateAgain: false };
  }
}

/** Position of a step in the progress list ('done' is past the last). */
export function stepIndex(step: RotationStep): number {
  return step === 'done' ? ROTATION_STEPS.length : ROTATION_STEPS.findIndex((s) => s.step === step);
}
