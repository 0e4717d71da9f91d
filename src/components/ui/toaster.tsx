import { Toast } from 'radix-ui';
import { useToasts } from '@/stores/toasts';

/** Renders queued toasts; errors stay until dismissed, successes fade. */
export function Toaster() {
  const { toasts, dismiss } = useToasts();
  return (
    <Toast.Provider swipeDirection="right" label="Notifications">
      {toasts.map((t) => (
        <Toast.Root
          key={t.id}
          className={`toast toast-${t.tone}`}
          duration={t.tone === 'error' ? 60_000 : 5_000}
          type={t.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismiss(t.id);
          }}
        >
          <Toast.Title className="toast-title">{t.title}</Toast.Title>
          {t.description ? <Toast.Description className="toast-description">{t.description}</Toast.Description> : null}
          <Toast.Close className="toast-close" aria-label="Dismiss notification">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  );
}
