import { useEffect, useEffectEvent, useState, type InputHTMLAttributes, type Ref } from 'react';

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
  const [committed, setCommitted] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value.trim() !== committed.trim()) setText(value);
  }
  const commitNow = (next: string) => {
    setCommitted(next);
    if (next.trim() !== value.trim()) onCommit(next);
  };
  const commit = useEffectEvent(commitNow);

  useEffect(() => {
    const timer = setTimeout(() => commit(text), delay);
    return () => clearTimeout(timer);
  }, [text, delay]);

  return (
    <input
      {...props}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commitNow(text);
        onKeyDown?.(e);
      }}
    />
  );
}
