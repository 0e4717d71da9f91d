import { useEffect, useRef, useState } from 'react';

/**
 * A search box's text, committed (to the URL) after the admin pauses typing. The URL stays the
 * source of truth: back/forward or a "clear search" link updates the box, while our own commit
 * coming back through the URL does not overwrite what was typed since.
 */
export function useDebouncedSearch(committed: string | undefined, commit: (value: string | undefined) => void, delayMs = 300) {
  const current = committed ?? '';
  const [draft, setDraft] = useState(current);
  // The last value known to be in the URL: set when we commit, or when the URL changes under us.
  const [known, setKnown] = useState(current);
  if (current !== known) {
    setKnown(current);
    setDraft(current);
  }

  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  useEffect(() => {
    const value = draft.trim();
    if (value === known) return;
    const timer = setTimeout(() => {
      setKnown(value);
      commitRef.current(value === '' ? undefined : value);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [draft, known, delayMs]);

  return [draft, setDraft] as const;
}
