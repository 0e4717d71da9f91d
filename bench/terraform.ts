import { ACCOUNT_ID, printTable, startServer, waitForWarmIndex } from './support.ts';

/**
 * `npm run bench -- terraform`: the whole large account (SANDBOX_SEED=large, 10,000+ groups) as
 * one Terraform file, once the membership index is warm: how long the export takes, how big the
 * file is, and how many /client/v4 requests it spends (the rate limit is 1,200 per 5 minutes).
 */
const HEADERS = { 'sec-fetch-site': 'same-origin' };


export async function run(): Promise<void> {
  const server = await startServer('large', { SANDBOX_RATE_LIMIT: '1000000/300' });
  try {
    const base = server.baseUrl;
    await waitForWarmIndex(base);
    const rows: Array<Record<string, string | number>> = [];
    for (const [what, query] of [['cost estimate', '/cost'], ['export (HCL)', ''], ['export (JSON for drift)', '?format=json']] as const) {
      const started = performance.now();
      const res = await fetch(`${base}/console-api/accounts/${ACCOUNT_ID}/terraform${query}`, { headers: HEADERS });
      const firstByte = performance.now() - started;
      const body = await res.text();
      rows.push({
        what,
        status: res.status,
        'first byte ms': Math.round(firstByte),
        'total ms': Math.round(performance.now() - started),
        size: `${(body.length / 1024 / 1024).toFixed(2)} MB`,
        resources: res.headers.get('x-terraform-resources') ?? '—',
        'client/v4 requests': res.headers.get('x-terraform-requests') ?? (query === '/cost' ? String((JSON.parse(body) as { result: { requests: number } }).result.requests) + ' (estimated)' : '—'),
      });
    }
    printTable('Terraform export of the large seed (warm membership index)', rows);
  } finally {
    await server.stop();
  }
}
