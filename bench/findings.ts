import { ACCOUNT_ID, printTable, startServer, waitForWarmIndex } from './support.ts';

/**
 * Findings on SANDBOX_SEED=large (10,027 groups, 5,200 members): how long the home page's
 * analysis takes and how many /client/v4 requests it spends, once the membership index is warm
 * (the findings read memberships from it, never one request per group). The server's limit is
 * lifted so the index builds at full speed; the request count is what Cloudflare would charge.
 */
const CLOUDFLARE_LIMIT = 1200;
const HEADERS = { 'sec-fetch-site': 'same-origin' };

interface FindingsAnswer {
  findings: Array<{ kind: string }>;
  memberships: { source: string };
  stats: { requests: number; total_ms: number; analyze_ms: number; reused: boolean };
}


export async function run(): Promise<void> {
  const server = await startServer('large', { SANDBOX_RATE_LIMIT: '1000000/300' });
  try {
    const base = server.baseUrl;
    await waitForWarmIndex(base);
    const rows: Array<Record<string, string | number>> = [];
    // Asked again with nothing changed, the server answers from its computation after one audit-log request.
    for (const [run, query] of [['first', ''], ['again, nothing changed', ''], ['Recompute now', '?fresh=1']] as const) {
      const started = performance.now();
      const res = await fetch(`${base}/console-api/accounts/${ACCOUNT_ID}/findings${query}`, { headers: HEADERS });
      const answer = (await res.json()) as FindingsAnswer;
      const kinds = new Set(answer.findings.map((f) => f.kind));
      // A reused answer cost one audit-log request; the computation's own count is what it cost once.
      const requests = answer.stats.reused ? 1 : answer.stats.requests;
      rows.push({
        run,
        'wall ms': Math.round(performance.now() - started),
        'server ms': answer.stats.total_ms,
        'analysis ms': answer.stats.analyze_ms,
        reused: answer.stats.reused ? 'yes' : 'no',
        'client/v4 requests': requests,
        'share of 1,200 / 5 min': `${((requests / CLOUDFLARE_LIMIT) * 100).toFixed(1)} %`,
        findings: answer.findings.length,
        kinds: kinds.size,
        memberships: answer.memberships.source,
      });
    }
    printTable('Findings on the large seed (warm membership index)', rows);

    // The home page asks with partial=1 (issue 31 item 5): its first answer says what the short
    // lists show while user groups and zones page in; it asks again each second until complete.
    const partial: Array<Record<string, string | number>> = [];
    const started = performance.now();
    for (let ask = 0; ; ask++) {
      const res = await fetch(`${base}/console-api/accounts/${ACCOUNT_ID}/findings?partial=1${ask === 0 ? '&fresh=1' : ''}`, { headers: HEADERS });
      const answer = (await res.json()) as FindingsAnswer & { complete: boolean; pending: string[] };
      if (ask === 0 || answer.complete) {
        partial.push({
          answer: ask === 0 ? 'first (Recompute now)' : `complete (ask ${ask + 1})`,
          'wall ms since the first ask': Math.round(performance.now() - started),
          findings: answer.findings.length,
          kinds: new Set(answer.findings.map((f) => f.kind)).size,
          'still reading': answer.pending.join(', ') || '—',
          'client/v4 requests so far': answer.stats.requests,
        });
      }
      if (answer.complete || ask > 120) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    printTable('The home page’s first answer (partial=1) and when it is complete', partial);
  } finally {
    await server.stop();
  }
}
