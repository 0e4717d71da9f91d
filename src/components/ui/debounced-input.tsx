import { useEffect, useEffectEvent, useState, type InputHTMLAttributes, type Ref } from 'react';
import { useDebouncedValue } from './use-debounced-value';

interface DebouncedInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  /** The committed value (usually a URL search param). */
  value: string;
  /** Called once typing pauses for `delay` ms, or at once on Enter. */
  onCommit: (value: string) => void;
  delay?: number;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A text input whose value reaches the URL (and so the server) only when typing pauses, so each
 * keystroke neither fetches nor adds a history entry. A change of `value` from elsewhere (Back,
 * "Clear filters") replaces the text; the echo of our own commit does not, so fast typing keeps
 * every character.
 */
export function DebouncedInput({ value, onCommit, delay = 250, onKeyDown, ...props }: DebouncedInputProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // What was last sent (or settled to be sent): the echo of it through `value` keeps the text.
  const [committed, setCommitted] = useState(value);
  const settled = useDebouncedValue(text, delay);
  const [seenSettled, setSeenSettled] = useState(settled);
  if (settled !== seenSettled) {
    setSeenSettled(settled);
    setCommitted(settled);
  }
  if (value !== seen) {
    setSeen(value);
    if (value.trim() !== committed.trim()) setText(value);
  }
  const sendNow = (next: string) => {
    if (next.trim() !== value.trim()) onCommit(next);
  };
  const send = useEffectEvent(sendNow);
  useEffect(() => send(settled), [settled]);

  return (
    <input
      {...props}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          setCommitted(text);
          sendNow(text);
        }
        onKeyDown?.(e);
      }}
    />
  );
}
