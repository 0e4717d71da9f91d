import { useEffect, useRef, useState } from 'react';

interface CopyButtonProps {
  value: string;
  /** The button's accessible name, e.g. "Copy group ID"; also the visible text when no children. */
  label: string;
  /** Visible text instead of "Copy" (e.g. "Copy as curl"); the label then defaults to it. */
  children?: string;
  /** The element showing the value: selected for a manual copy when the Clipboard API is refused. */
  targetId?: string;
}

/**
 * The one copy button. Says what happened for sighted and screen-reader users alike; where the
 * Clipboard API is missing (plain http on a LAN address is not a secure context) it selects the
 * text instead and says to press Ctrl+C. It never repeats the value anywhere: it may be a secret.
 */
export function CopyButton({ value, label, children, targetId }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'selected' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const settle = (next: 'copied' | 'selected' | 'failed') => {
    setState(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 4000);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      settle('copied');
    } catch {
      const target = targetId ? document.getElementById(targetId) : null;
      const selection = window.getSelection();
      if (!target || !selection) return settle('failed');
      const range = document.createRange();
      range.selectNodeContents(target);
      selection.removeAllRanges();
      selection.addRange(range);
      settle('selected');
    }
  };

  const announcement = {
    idle: '',
    copied: `${label}: copied`,
    selected: `${label}: selected, press Ctrl+C to copy`,
    failed: 'Copying failed: select the text and copy it',
  }[state];
  return (
    <>
      {/* The name keeps the visible word (WCAG 2.5.3): "Copied" shows up in it too. */}
      <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={children ? undefined : state === 'copied' ? `${label}: copied` : label}>
        {state === 'copied' ? 'Copied' : (children ?? 'Copy')}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      {state === 'selected' ? <span className="copy-hint">Press Ctrl+C (⌘C) to copy</span> : null}
    </>
  );
}
