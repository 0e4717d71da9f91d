import { useEffect, useState } from 'react';

/** A button that copies text and says so in its own label ("Copy as curl" → "Copied"). */
export function CopyTextButton({ text, children }: { text: string; children: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {state === 'copied' ? 'Copied' : children}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? `${children}: copied` : state === 'failed' ? 'Copying failed: select the text and copy it' : ''}
      </span>
    </>
  );
}
