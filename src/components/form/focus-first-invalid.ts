import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Takes keyboard and screen-reader users to the first problem, in the order the page shows them:
 * the first control marked `aria-invalid="true"` inside `root`, or else `fallback` (the form's
 * error banner, when the problem belongs to no field). Returns what got focus.
 */
export function focusFirstInvalid(root: ParentNode | null, fallback?: HTMLElement | null): HTMLElement | null {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? fallback ?? null;
  target?.focus();
  return target;
}

/**
 * After a failed submit the messages render first; then focus moves (the controls are only
 * marked invalid once React has committed). `request()` asks for it; call it from the form's
 * `onSubmitInvalid` and after placing the API's errors.
 */
export function useFocusFirstInvalid<Root extends HTMLElement = HTMLFormElement>() {
  const rootRef = useRef<Root>(null);
  const fallbackRef = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(rootRef.current, fallbackRef.current);
  }, [attempt]);
  const request = useCallback(() => setAttempt((n) => n + 1), []);
  return { rootRef, fallbackRef, request, attempt };
}
