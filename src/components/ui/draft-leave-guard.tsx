import { useBlocker } from '@tanstack/react-router';
import { Dialog } from './dialog';

interface DraftLeaveGuardProps {
  /** Whether leaving now would leave unsaved changes behind (read at the moment of leaving). */
  when: () => boolean;
  onDiscard: () => void;
  title: string;
  description: string;
  discardLabel: string;
}

/**
 * Asks before leaving a form whose unsaved changes are kept as a draft on this device. The draft
 * survives either way, so the browser's own "leave site?" prompt is not used: a reload loses
 * nothing. Switching accounts is a navigation too (the account is in the URL), so it asks as well.
 */
export function DraftLeaveGuard({ when, onDiscard, title, description, discardLabel }: DraftLeaveGuardProps) {
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
      title={title}
      description={description}
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
            {discardLabel}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => blocker.proceed?.()}>
            Keep draft and leave
          </button>
        </>
      }
    />
  );
}
