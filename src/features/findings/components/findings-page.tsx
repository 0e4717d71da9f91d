import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../../components/layout/page-header';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { clock, formatDateTime } from '../../../lib/format';
import { findingsQuery } from '../../../api/findings';
import { useRecomputeFindings, useRestoreFinding } from '../api';
import { FindingCard } from './finding-card';
import { CanQuestion, WhoQuestion } from './simulator';

/** An account's home: what is risky or broken, where to fix it, and a what-if simulator. */
export function FindingsPage({ accountId }: { accountId: string }) {
  // Always asked again on arrival: a fix just made elsewhere must show here (and in the nav count).
  // The server recomputes only when the audit log shows a change, so asking costs one request.
  // While the membership index builds its first pass, ask again every few seconds.
  const findings = useQuery({
    ...findingsQuery(accountId),
    refetchOnMount: 'always',
    refetchInterval: (q) => (q.state.data?.memberships.source === 'unavailable' ? 3000 : false),
  });
  const restore = useRestoreFinding(accountId);
  const recompute = useRecomputeFindings(accountId);
  const open = findings.data?.findings.filter((f) => !f.dismissal) ?? [];
  const dismissed = findings.data?.findings.filter((f) => f.dismissal) ?? [];
  return (
    <div className="page findings-page">
      <PageHeader title="Findings" description="What is risky or broken in this account's access, and the change that fixes each." />
      {findings.error ? <ErrorBanner error={findings.error} title="Could not compute the findings" onRetry={() => void findings.refetch()} /> : null}
      {recompute.error ? <ErrorBanner error={recompute.error} title="Could not recompute the findings" onRetry={() => recompute.mutate()} /> : null}
      {findings.isPending ? <p role="status">Reading the account and computing findings…</p> : null}
      {findings.data ? (
        <>
          <p className="muted">
            {open.length} open, {dismissed.length} dismissed · computed {formatDateTime(findings.data.computed_at)} from{' '}
            {findings.data.stats.requests} API requests
            {findings.data.memberships.source === 'unavailable' ? ' · the membership index is still being built, so findings about members follow shortly' : ''}
            {findings.data.zones_known ? '' : ' · zones unknown, so missing-zone findings are not shown'}{' '}
            <button type="button" className="btn-link" onClick={() => recompute.mutate()} disabled={recompute.isPending}>
              {recompute.isPending ? 'Recomputing…' : 'Recompute now'}
            </button>
          </p>
          {findings.data.held ? (
            <p className="banner banner-warning" role="status">
              Shown as computed {formatDateTime(findings.data.computed_at)}, not read again: {findings.data.held.message}. It can be read again in about{' '}
              {clock(findings.data.held.resumes_in_seconds)}.
            </p>
          ) : null}
          <section aria-labelledby="open-findings">
            <h2 id="open-findings">Open findings</h2>
            {open.length === 0 ? <p>Nothing to fix.</p> : open.map((f) => <FindingCard key={f.id} accountId={accountId} finding={f} />)}
          </section>
          {dismissed.length ? (
            <details className="dismissed-findings">
              <summary>Dismissed findings ({dismissed.length})</summary>
              {dismissed.map((f) => (
                <FindingCard key={f.id} accountId={accountId} finding={f} onRestore={() => restore.mutate(f.id)} />
              ))}
            </details>
          ) : null}
        </>
      ) : null}
      <section aria-labelledby="simulator-heading" className="simulator">
        <h2 id="simulator-heading">Simulator</h2>
        <p className="muted">Ask what the policies decide, on saved policies or on a group’s unsaved draft. A deny always wins over an allow.</p>
        <div className="simulator-grid">
          <CanQuestion accountId={accountId} />
          <WhoQuestion accountId={accountId} />
        </div>
      </section>
    </div>
  );
}
