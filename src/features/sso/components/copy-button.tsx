import { useEffect, useRef, useState } from 'react';

/**
 * Copies a value for pasting at the DNS provider. Where the Clipboard API is missing (plain http on
 * a LAN address is not a secure context) it selects the text instead and says to press Ctrl+C.
 */
export function CopyButton({ value, label, targetId }: { value: string; label: string; targetId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const done = (next: 'copied' | 'selected') => {
    setState(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 4000);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      done('copied');
    } catch {
      const target = targetId ? document.getElementById(targetId) : null;
      const selection = window.getSelection();
      if (target && selection) {
        const range = document.createRange();
        range.selectNodeContents(target);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      done('selected');
    }
  };

  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={`Copy ${label}`}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? `${label} copied` : state === 'selected' ? `${label} selected: press Ctrl+C to copy` : ''}
      </span>
      {state === 'selected' ? <span className="copy-hint">Press Ctrl+C (⌘C) to copy</span> : null}
    </>
  );
}
