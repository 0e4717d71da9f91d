import { useEffect, useState } from 'react';
import { notify } from '../../../stores/toasts';

/** Copies a value and says so in place (announced politely); a refusal says how to copy by hand. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="btn btn-small"
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setCopied(true),
          // The toast never repeats the value: it may be a secret.
          () => notify.error('Could not copy', 'Your browser refused clipboard access: select the text and copy it.'),
        );
      }}
    >
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
    </button>
  );
}
