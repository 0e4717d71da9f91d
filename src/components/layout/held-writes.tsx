import { useEffect, useState, useSyncExternalStore } from 'react';
import { cancelHeldWrite, getBudgetSnapshot, keepHeldWrite, MAX_IN_FLIGHT, subscribeBudget } from '@/api/request-budget';
import { clock } from '@/lib/format';

/** A write queued for less than this goes out before anyone could read about it: not shown. */
const SHOW_AFTER_MS = 400;

/**
 * Writes the admin asked for that wait for a free slot (request-budget.ts): what each is, why it
 * waits and for how long, with Cancel (it is never sent) and Keep (it still goes if they leave
 * the page; otherwise leaving cancels it, and nothing acts on the admin's behalf after they left).
 */
export function HeldWrites() {
  const held = useSyncExternalStore(subscribeBudget, () => getBudgetSnapshot().held);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!held.length) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [held.length]);
  const shown = held.filter((write) => now - write.since >= SHOW_AFTER_MS);
  if (!shown.length) return null;
  return (
    <section className="banner banner-info held-writes" aria-label="Changes waiting to be sent">
      <ul>
        {shown.map((write) => (
          <li key={write.id}>
            <strong>{write.label}</strong> is waiting to be sent (for {clock((now - write.since) / 1000)}): {MAX_IN_FLIGHT} calls to
            Cloudflare are already in flight, and it goes as soon as one returns.{' '}
            {write.kept ? 'It will be sent even if you leave this page.' : 'Leaving this page cancels it.'}{' '}
            <button type="button" className="btn btn-small" onClick={() => cancelHeldWrite(write.id)}>
              Cancel: {write.label}
            </button>{' '}
            {write.kept ? null : (
              <button type="button" className="btn btn-small" onClick={() => keepHeldWrite(write.id)}>
                Keep sending if I leave
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
