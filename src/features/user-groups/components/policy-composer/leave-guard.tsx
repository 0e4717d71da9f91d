import { useBlocker } from '@tanstack/react-router';
import { Dialog } from '../../../../components/ui/dialog';

/**
 * Asks before leaving the composer with unsaved changes. The draft is kept on this device either
 * way, so the browser's own "leave site?" prompt is not used: a reload loses nothing.
 */
export function LeaveGuard({ when, onDiscard }: { when: boolean; onDiscard: () => void }) {
  const blocker = useBlocker({
    // Switching accounts is a navigation too (the account is in the URL), so it asks as well.
    shouldBlockFn: ({ current, next }) => when && current.pathname !== next.pathname,
    enableBeforeUnload: false,
    withResolver: true,
  });
  const open = blocker.status === 'blocked';
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && blocker.status === 'blocked') blocker.reset();
      }}
      title="Leave with unsaved policy changes?"
      description="Your changes are not saved to the group yet. They stay here as a draft, so you can come back and finish them."
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
            Discard draft and leave
          </button>
          <button type="button" className="btn btn-primary" onClick={() => blocker.proceed?.()}>
            Keep draft and leave
          </button>
        </>
      }
    />
  );
}
