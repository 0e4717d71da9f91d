import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useReducer, useRef, useState } from 'react';
import { oauthClientQuery } from '@/api/oauth/queries';
import { PageHeader } from '@/components/layout/page-header';
import { useAccountId } from '@/stores/current-account';
import { notify } from '@/stores/toasts';
import { useRevokeRotatedSecret, useRotateSecret } from '../api';
import { hasClientSecret } from '../schemas';
import { deriveRotationStep, initialRotationSession, rotationReducer } from '../rotation-steps';
import { RotationPanel } from './rotation-panels';
import { RotationProgress } from './rotation-progress';
import { SecretDialog, type SecretDialogHandle } from './secret-dialog';

/**
 * /oauth-clients/$clientId/rotate: explain the overlap → rotate once → reveal once → update the
 * application → revoke the old secret. The step comes from has_rotated_secret plus this visit's
 * events, so a reload resumes at "revoke" (the new secret then cannot be shown again).
 */
export function RotationWizard({ clientId }: { clientId: string }) {
  const accountId = useAccountId();
  const queryClient = useQueryClient();
  const { data: client } = useSuspenseQuery(oauthClientQuery(accountId, clientId));
  const [session, dispatch] = useReducer(rotationReducer, initialRotationSession);
  const { step, resumed } = deriveRotationStep(Boolean(client.has_rotated_secret), session);
  const secretDialog = useRef<SecretDialogHandle>(null);
  const [rotateError, setRotateError] = useState<unknown>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const name = client.client_name || client.client_id;

  // The secret goes from the response straight into the dialog; the wizard only learns "rotated".
  const rotate = useRotateSecret(accountId, clientId, (secret) => {
    dispatch({ type: 'rotated' });
    secretDialog.current?.reveal(secret);
  });
  const revoke = useRevokeRotatedSecret(accountId, clientId);

  const busy = useRef(false);
  /** The client as it was before the first attempt; set while an attempt's outcome is unknown. */
  const unsettled = useRef<{ updated_at: string | undefined; has_rotated_secret: boolean } | null>(null);
  const freshClient = () => queryClient.fetchQuery({ ...oauthClientQuery(accountId, clientId), staleTime: 0 });

  const doRotate = async () => {
    // A second POST would replace the secret the first one issued: never on a double click, and a
    // retry only after the server confirms the failed attempt changed nothing.
    if (busy.current) return;
    busy.current = true;
    setRotateError(null);
    setNotice(null);
    try {
      if (unsettled.current) {
        const fresh = await freshClient();
        const before = unsettled.current;
        // has_rotated_secret turning true is the exact sign; when it was already true (rotating
        // again) only updated_at can tell, and any change then counts as "maybe rotated".
        const maybeRotated = before.has_rotated_secret
          ? fresh.updated_at !== before.updated_at
          : Boolean(fresh.has_rotated_secret);
        if (maybeRotated) {
          unsettled.current = null;
          dispatch({ type: 'outcome-unknown' });
          setNotice(
            'The previous attempt may have created a new secret, but its answer never arrived, so that secret cannot be shown. ' +
              'Rotate again to get a secret you can copy; the original secret keeps working meanwhile.',
          );
          return;
        }
      } else {
        unsettled.current = { updated_at: client.updated_at, has_rotated_secret: Boolean(client.has_rotated_secret) };
      }
      await rotate.mutateAsync();
      unsettled.current = null;
      rotate.reset();
    } catch (error) {
      setRotateError(error);
    } finally {
      busy.current = false;
    }
  };

  const doRevoke = async () => {
    if (busy.current) return;
    busy.current = true;
    setRevokeError(null);
    try {
      await revoke.mutateAsync();
      dispatch({ type: 'revoked' });
      notify.success('Old secret revoked', `Only the new secret of ${name} works now.`);
    } catch (error) {
      // Already gone (another tab, a retry whose first answer was lost)? Then the job is done.
      const fresh = await freshClient().catch(() => null);
      if (fresh && !fresh.has_rotated_secret) dispatch({ type: 'revoked' });
      else setRevokeError(error);
    } finally {
      busy.current = false;
    }
  };

  // Each step's heading takes focus, so screen-reader users hear where they are.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  if (!hasClientSecret(client) && !client.has_rotated_secret) {
    return (
      <div className="page oc-page-narrow">
        <PageHeader title="Rotate client secret" />
        <div className="banner banner-info" role="status">
          <strong>{name} has no secret to rotate</strong>
          <p>Its token endpoint auth method is “none”: a public client proves itself with PKCE instead of a secret.</p>
          <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId }}>
            Back to {name}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="page oc-page-narrow">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/oauth-clients" params={{ accountId }}>OAuth clients</Link> /{' '}
        <Link to="/accounts/$accountId/oauth-clients/$clientId" params={{ accountId, clientId }}>
          {name}
        </Link>{' '}
        /
      </p>
      <PageHeader title="Rotate client secret" description={<>Replace the secret of <strong>{name}</strong> without downtime.</>} />
      <div className="oc-wizard">
        <RotationProgress step={step} />
        <section className="card oc-wizard-panel" aria-labelledby="rotation-step-title">
          <RotationPanel
            step={step}
            resumed={resumed}
            rotateAgain={session.rotateAgain}
            clientId={clientId}
            headingRef={headingRef}
            notice={notice}
            rotatePending={rotate.isPending}
            rotateError={rotateError}
            revokePending={revoke.isPending}
            revokeError={revokeError}
            onAcknowledge={() => dispatch({ type: 'acknowledge' })}
            onRotate={() => void doRotate()}
            onAppUpdated={() => dispatch({ type: 'app-updated' })}
            onRevoke={() => void doRevoke()}
            onRotateAgain={() => {
              setNotice(null);
              dispatch({ type: 'rotate-again' });
            }}
          />
        </section>
      </div>
      <SecretDialog
        ref={secretDialog}
        title={`New secret for ${name}`}
        clientId={client.client_id}
        onClosed={({ stored }) => dispatch({ type: 'secret-closed', stored })}
      >
        <p>The old secret keeps working until you revoke it in the last step.</p>
      </SecretDialog>
    </div>
  );
}
