import type { TxtPrecheck } from './use-txt-precheck';

/**
 * Runs the DNS pre-check. It is never disabled while the check runs, only marked busy: a disabled
 * button drops keyboard focus to the page body, so after "Check DNS now" a keyboard user had to
 * find their place again. A press while checking does nothing; the result is announced by the
 * result's own status region.
 */
export function DnsCheckButton({ precheck, label }: { precheck: TxtPrecheck; label?: string }) {
  const busy = precheck.isChecking;
  return (
    <button
      type="button"
      className="btn"
      aria-disabled={busy}
      aria-busy={busy}
      onClick={() => {
        if (!busy) void precheck.run().catch(() => undefined);
      }}
    >
      {busy ? 'Checking DNS…' : (label ?? (precheck.requested ? 'Check DNS again' : 'Check DNS now'))}
    </button>
  );
}
