import { Link } from '@tanstack/react-router';
import { useId, useState, type ReactNode, type RefObject } from 'react';
import { ErrorBanner } from '@/components/ui/error-banner';
import { useAccountId } from '@/stores/current-account';
import type { RotationStep } from '../rotation-steps';

interface RotationPanelProps {
  step: RotationStep;
  resumed: boolean;
  rotateAgain: boolean;
  clientId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  notice: string | null;
  rotatePending: boolean;
  rotateError: unknown;
  revokePending: boolean;
  revokeError: unknown;
  onAcknowledge: () => void;
  onRotate: () => void;
  onAppUpdated: () => void;
  onRevoke: () => void;
  onRotateAgain: () => void;
}

const UPDATE_CHECKLIST = [
  'The new secret is in my application’s secret store or configuration',
  'Every instance of the application is deployed or restarted with the new secret',
  'Sign-in works with the new secret (the old one still works until revoked, so a passing sign-in alone is not proof: check the logs or configuration)',
];

/** The body of the current wizard step. */
export function RotationPanel(props: RotationPanelProps) {
  const accountId = useAccountId();
  const { step, headingRef } = props;
  const heading = (text: string) => (
    <h2 id="rotation-step-title" ref={headingRef} tabIndex={-1}>
      {text}
    </h2>
  );
  switch (step) {
    case 'explain':
      return (
        <>
          {heading('How rotation works')}
          <ol className="oc-steps-explained">
            <li>A new secret is created. <strong>Your current secret keeps working</strong>: both are valid at the same time.</li>
            <li>The new secret is shown once. Copy it straight into your application’s secret store.</li>
            <li>Deploy your application with the new secret and check it works.</li>
            <li>Revoke the old secret. Only then does it stop working — nothing breaks before you say so.</li>
          </ol>
          <p className="muted">You can leave after creating the secret and come back later to revoke the old one.</p>
          <div className="oc-form-actions">
            <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId: props.clientId }} className="btn">
              Cancel
            </Link>
            <button type="button" className="btn btn-primary" onClick={props.onAcknowledge}>
              Continue
            </button>
          </div>
        </>
      );
    case 'rotate':
      return (
        <>
          {heading('Create a new secret')}
          {props.notice ? (
            <div className="banner banner-warning" role="status">
              {props.notice}
            </div>
          ) : null}
          {props.rotateAgain ? (
            <p>
              Rotating again replaces the <em>newer</em> secret from the unfinished rotation: an application already using it
              stops working. The original secret stays valid until you revoke it.
            </p>
          ) : (
            <p>The new secret is shown once, right after it is created. Have your secret store open.</p>
          )}
          {props.rotateError ? <ErrorBanner error={props.rotateError} title="The secret was not rotated" /> : null}
          <div className="oc-form-actions">
            <button type="button" className="btn btn-primary" disabled={props.rotatePending} aria-busy={props.rotatePending} onClick={props.onRotate}>
              {props.rotatePending ? 'Rotating…' : props.rotateError ? 'Try again' : 'Rotate secret'}
            </button>
          </div>
        </>
      );
    case 'reveal':
      return (
        <>
          {heading('Copy the new secret')}
          <p>The new secret is shown in the dialog. Once it closes, the secret cannot be shown again.</p>
        </>
      );
    case 'update-app':
      return <UpdateAppStep heading={heading('Update your application')} onDone={props.onAppUpdated} />;
    case 'revoke':
      return <RevokeStep {...props} heading={heading('Revoke the old secret')} />;
    case 'done':
      return (
        <>
          {heading('Rotation complete')}
          <p>The old secret is revoked. Only the new secret works now.</p>
          <div className="oc-form-actions">
            <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId: props.clientId }} className="btn btn-primary">
              Back to the client
            </Link>
          </div>
        </>
      );
  }
}

function UpdateAppStep({ heading, onDone }: { heading: ReactNode; onDone: () => void }) {
  const id = useId();
  const [checked, setChecked] = useState<boolean[]>(UPDATE_CHECKLIST.map(() => false));
  return (
    <>
      {heading}
      <p>Both secrets work right now. Before revoking the old one, make sure nothing still uses it.</p>
      <fieldset className="oc-choice-group">
        <legend>Confirm each step</legend>
        {UPDATE_CHECKLIST.map((text, i) => (
          <div key={i} className="oc-choice">
            <input
              id={`${id}-${i}`}
              type="checkbox"
              checked={checked[i]}
              onChange={(e) => setChecked((c) => c.map((v, j) => (j === i ? e.target.checked : v)))}
            />
            <label htmlFor={`${id}-${i}`}>{text}</label>
          </div>
        ))}
      </fieldset>
      <div className="oc-form-actions">
        <button type="button" className="btn btn-primary" disabled={!checked.every(Boolean)} onClick={onDone}>
          My application uses the new secret
        </button>
      </div>
    </>
  );
}

function RevokeStep(props: RotationPanelProps & { heading: ReactNode }) {
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  // After a reload the admin has not been through the checklist in this visit: ask here.
  const needsConfirmation = props.resumed;
  return (
    <>
      {props.heading}
      {props.resumed ? (
        <div className="banner banner-info" role="status">
          {props.notice ?? 'A rotation was started earlier and not finished. Both secrets work.'} The new secret was shown once and
          <strong> cannot be shown again</strong>. If your application already uses it, revoke the old secret. If the new secret was
          lost, rotate again instead.
        </div>
      ) : null}
      <p>After revoking, applications still using the old secret can no longer exchange codes or refresh tokens.</p>
      {needsConfirmation ? (
        <label className="oc-checkbox-row" htmlFor={id}>
          <input id={id} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          My application uses the new secret
        </label>
      ) : null}
      {props.revokeError ? <ErrorBanner error={props.revokeError} title="The old secret was not revoked" /> : null}
      <div className="oc-form-actions">
        {props.resumed ? (
          <button type="button" className="btn" onClick={props.onRotateAgain}>
            Rotate again instead
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-danger"
          disabled={props.revokePending || (needsConfirmation && !confirmed)}
          aria-busy={props.revokePending}
          onClick={props.onRevoke}
        >
          {props.revokePending ? 'Revoking…' : 'Revoke old secret'}
        </button>
      </div>
    </>
  );
}
