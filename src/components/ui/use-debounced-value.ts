import { useEffect, useState } from 'react';

/**
 * The value as it was when it last stopped changing for `delayMs`: what a search box asks the
 * server for, so typing costs one request per pause rather than one per keystroke (the 1,200 a
 * five minutes budget). Starts at the value itself, so a prefilled search asks at once.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
