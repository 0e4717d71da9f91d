import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { ErrorBanner } from '@/components/ui/error-banner';
import type { Severity } from '@/lib/analyzer/finding';
import { clock, formatDateTime } from '@/lib/format';
import { findingsQuery } from '@/api/findings';
import { useRecomputeFindings, useRestoreFinding } from '../api';
import { Badge } from '@/components/ui/badge';
import { FindingsTable, SEVERITY_LABEL, SEVERITY_TONE } from './findings-table';
import { PosturePanel } from './posture-panel';
import { CanQuestion, WhoQuestion } from './simulator';

/** The simulator's place on the page: `#simulator` (the top link and the palette go there). */
export const SIMULATOR_ANCHOR = 'simulator';

/**
 * An account's home: how the account stands (posture), what is open as a compact list with the
 * detail on demand, and the what-if simulator beside it (below it on a phone). Every part keeps
 * its place while the account is read, so nothing moves under the admin's pointer.
 */
export function FindingsPage({ accountId }: { accountId: string }) {
  // Always asked again on arrival: a fix just made elsewhere must show here (and in the nav count).
  // The server recomputes only when the audit log shows a change, so asking costs one request.
  // The first answer says what is known at once and fills in (findingsQuery asks again until
  // complete); while the membership index builds its first pass, ask again every few seconds.
  const findings = useQuery({
    ...findingsQuery(accountId),
    refetchOnMount: 'always',
    refetchInterval: (q) => (q.state.data && !q.state.data.complete ? 1000 : q.state.data?.memberships.source === 'unavailable' ? 3000 : false),
  });
  const restore = useRestoreFinding(accountId);
  const recompute = useRecomputeFindings(accountId);
  const data = findings.data;
  const open = data?.findings.filter((f) => !f.dismissal) ?? [];
  const dismissed = data?.findings.filter((f) => f.dismissal) ?? [];
  const severities = data?.complete
    ? open.reduce<Record<Severity, number>>((n, f) => ({ ...n, [f.severity]: n[f.severity] + 1 }), { critical: 0, warning: 0, info: 0 })
    : undefined;

  const simulator = useRef<HTMLElement>(null);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === SIMULATOR_ANCHOR) simulator.current?.focus();
  }, [hash]);

  return (
    <div className="page findings-page">
      <PageHeader
        title="Findings"
        description="How this account's access stands, what is risky or broken, and the change that fixes each."
        actions={
          <a className="btn" href={`#${SIMULATOR_ANCHOR}`}>
            Ask the simulator
          </a>
        }
      />
      {findings.error ? <ErrorBanner error={findings.error} title="Could not compute the findings" onRetry={() => void findings.refetch()} /> : null}
      {recompute.error ? <ErrorBanner error={recompute.error} title="Could not recompute the findings" onRetry={() => recompute.mutate()} /> : null}
      <PosturePanel accountId={accountId} posture={data?.posture} severities={severities} failed={!data && Boolean(findings.error)} />
      <div className="home-columns">
        <section aria-labelledby="open-findings" className="home-findings">
          <div className="home-findings-head">
            <h2 id="open-findings">Open findings</h2>
            <p className="muted home-findings-status" role="status">
              {!data ? (
                findings.error ? (
                  'Not computed: the account could not be read'
                ) : (
                  'Reading the account…'
                )
              ) : !data.complete ? (
                `${open.length} so far · still reading ${data.pending.join(', ')}…`
              ) : (
                <>
                  {open.length} open, {dismissed.length} dismissed · computed {formatDateTime(data.computed_at)} from {data.stats.requests} API requests
                  {data.memberships.source === 'unavailable' ? ' · the membership index is still being built, so findings about members follow shortly' : ''}
                  {data.zones_known ? '' : ' · zones unknown, so missing-zone findings are not shown'}
                </>
              )}{' '}
              {data?.complete ? (
                <button type="button" className="btn-link" onClick={() => recompute.mutate()} disabled={recompute.isPending}>
                  {recompute.isPending ? 'Recomputing…' : 'Recompute now'}
                </button>
              ) : null}
            </p>
          </div>
          {data?.held ? (
            <p className="banner banner-warning" role="status">
              Shown as computed {formatDateTime(data.computed_at)}, not read again: {data.held.message}. It can be read again in about {clock(data.held.resumes_in_seconds)}.
            </p>
          ) : null}
          {!data ? (
            <div className="skeleton-table findings-skeleton" aria-hidden="true">
              {Array.from({ length: 6 }, (_, i) => (
                <div key={i} className="skeleton-cell" />
              ))}
            </div>
          ) : !data.complete ? (
            // What the lists read so far show, in the order found; the sortable table replaces it
            // once the account is read (a new element, so nothing already shown moves).
            <ul className="findings-so-far" aria-label="Found so far">
              {open.map((f) => (
                <li key={f.id}>
                  <Badge tone={SEVERITY_TONE[f.severity]}>{SEVERITY_LABEL[f.severity]}</Badge> {f.title}
                </li>
              ))}
            </ul>
          ) : open.length === 0 ? (
            <p>Nothing to fix.</p>
          ) : (
            <FindingsTable accountId={accountId} findings={open} label="Open findings" />
          )}
          {dismissed.length ? (
            <details className="dismissed-findings">
              <summary>Dismissed findings ({dismissed.length})</summary>
              <FindingsTable accountId={accountId} findings={dismissed} label="Dismissed findings" onRestore={(id) => restore.mutate(id)} />
            </details>
          ) : null}
        </section>
        <section id={SIMULATOR_ANCHOR} ref={simulator} tabIndex={-1} aria-labelledby="simulator-heading" className="simulator home-simulator">
          <h2 id="simulator-heading">Simulator</h2>
          <p className="muted">Ask what the policies decide, on saved policies or on a group’s unsaved draft. A deny always wins over an allow.</p>
          <div className="simulator-stack">
            <CanQuestion accountId={accountId} />
            <WhoQuestion accountId={accountId} />
          </div>
        </section>
      </div>
    </div>
  );
}
