import { useEffect, useState } from 'react';

/**
 * A module the first paint does not need (a select's popup, the mobile menu's sheet, the toaster):
 * fetched once, on first use or when the browser is idle after the page has loaded, whichever
 * comes first. `load()` starts it (and is safe to call again); `useLoaded` renders with it.
 */
export function onDemand<T>(importer: () => Promise<T>) {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const load = (): Promise<T> => {
    pending ??= importer().then(
      (loaded) => {
        value = loaded;
        listeners.forEach((l) => l());
        return loaded;
      },
      (error: unknown) => {
        // A download that failed (offline for a moment) is tried again at the next use.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  /**
   * The module once loaded (null before). `when` also asks for it without being used: 'idle'
   * once the page has loaded and the browser is idle, 'mount' as soon as a component using it
   * mounts (keyboard-driven UI: a shortcut right after the page shows must find it there).
   */
  const useLoaded = (when: 'idle' | 'mount' | false = 'idle'): T | null => {
    const [current, setCurrent] = useState(value);
    useEffect(() => {
      const update = () => setCurrent(value);
      listeners.add(update);
      update();
      if (!when || value) return () => void listeners.delete(update);
      if (when === 'mount') {
        void load();
        return () => void listeners.delete(update);
      }
      const cancelIdle = whenIdle(() => void load());
      return () => {
        cancelIdle();
        listeners.delete(update);
      };
    }, [when]);
    return current;
  };
  return { load, useLoaded };
}

/** After the load event and a free moment (at most 2 s later): the first paint goes first. */
function whenIdle(run: () => void): () => void {
  let cancelled = false;
  let idleHandle: number | undefined;
  const schedule = () => {
    if (cancelled) return;
    idleHandle =
      typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 200);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener('load', schedule);
    if (idleHandle !== undefined) {
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idleHandle);
      else window.clearTimeout(idleHandle);
    }
  };
}
