import { useBlocker } from '@tanstack/react-router';
import { Dialog } from '../../../components/ui/dialog';

/**
 * Asks before leaving an OAuth client form with unsaved changes. What was typed stays as a draft
 * on this device either way (so a reload loses nothing); the admin may also throw it away.
 */
export function FormLeaveGuard({ when, onDiscard }: { when: () => boolean; onDiscard: () => void }) {
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => current.pathname !== next.pathname && when(),
    enableBeforeUnload: false,
    withResolver: true,
  });
  return (
    <Dialog
      open={blocker.status === 'blocked'}
      onOpenChange={(next) => {
        if (!next && blocker.status === 'blocked') blocker.reset();
      }}
      title="Leave with unsaved changes?"
      description="This client is not saved yet. What you typed stays here as a draft, so you can come back and finish it."
      footer={
        <>
          <button type="button" className="btn" onClick={() => blocker.reset?.()}>
            Stay
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              onDiscard();
              blocker.proceed?.();
            }}
          >
            Discard changes and leave
          </button>
          <button type="button" className="btn btn-primary" onClick={() => blocker.proceed?.()}>
            Keep draft and leave
          </button>
        </>
      }
    />
  );
}
