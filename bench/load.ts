import autocannon, { type RequestSpec } from 'autocannon';
import { percentile } from './support.ts';

/**
 * One load scenario with autocannon: N connections for S seconds, every response's own time
 * recorded, so the percentiles are exact (autocannon's own histogram rounds to whole ms).
 *
 * autocannon opens all N connections at once when the run starts. Until each has had its first
 * answer, the server is accepting them (Node takes one new connection per loop turn), and a
 * server that answers fixed bytes shows the same ~100 ms wait at 200 connections on this machine.
 * So the run is reported in two parts: `connect ms`, how long until every connection had its
 * first answer, with `p99 from start ms` over every response; and the percentiles over the
 * requests sent after that, on open connections, which is what a keep-alive client sees.
 */

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  requests?: RequestSpec[];
}

export interface LoadResult {
  'req/s': number;
  requests: number;
  /** Over the requests sent once every connection was open and answered. */
  'p50 ms': number;
  'p95 ms': number;
  'p99 ms': number;
  'max ms': number;
  /** From the start until the last connection's first answer. */
  'connect ms': number;
  /** Over every response, the connection burst included. */
  'p99 from start ms': number;
  '5xx': number;
  'other non-2xx': number;
  timeouts: number;
  errors: number;
  'bytes/resp': number;
}

export async function load({ url, connections, seconds, headers, requests }: LoadOptions): Promise<LoadResult> {
  const sentAt: number[] = [];
  const times: number[] = [];
  const answered = new Set<unknown>();
  let allAnsweredAt = Infinity;
  let bytes = 0;
  let serverErrors = 0;
  let otherNon2xx = 0;
  const start = performance.now();
  const instance = autocannon({ url, connections, duration: seconds, headers, requests });
  instance.on('response', (client, statusCode, resBytes, responseTime) => {
    const now = performance.now() - start;
    times.push(responseTime);
    sentAt.push(now - responseTime);
    if (!answered.has(client)) {
      answered.add(client);
      if (answered.size === connections) allAnsweredAt = now;
    }
    bytes += resBytes;
    if (statusCode >= 500) serverErrors++;
    else if (statusCode >= 300) otherNon2xx++;
  });
  const result = await instance;
  const byTime = (a: number, b: number) => a - b;
  const open = times.filter((_, i) => sentAt[i]! >= allAnsweredAt).sort(byTime);
  const all = [...times].sort(byTime);
  return {
    'req/s': result.requests.total / seconds,
    requests: result.requests.total,
    'p50 ms': percentile(open, 50),
    'p95 ms': percentile(open, 95),
    'p99 ms': percentile(open, 99),
    'max ms': open[open.length - 1] ?? NaN,
    'connect ms': allAnsweredAt,
    'p99 from start ms': percentile(all, 99),
    '5xx': serverErrors,
    'other non-2xx': otherNon2xx,
    timeouts: result.timeouts,
    errors: result.errors - result.timeouts,
    'bytes/resp': times.length === 0 ? 0 : Math.round(bytes / times.length),
  };
}

/** A share as a percentage of the requests sent (timeouts included: they were sent too). */
export function share(count: number, result: LoadResult): number {
  const sent = result.requests + result.timeouts;
  return sent === 0 ? 0 : (100 * count) / sent;
}
