import autocannon, { type RequestSpec } from 'autocannon';
import { percentile } from './support.ts';

/**
 * One load scenario with autocannon: N connections for S seconds, every response's own time
 * recorded, so the percentiles are exact (autocannon's own histogram rounds to whole ms).
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
  'p50 ms': number;
  'p95 ms': number;
  'p99 ms': number;
  'max ms': number;
  '5xx': number;
  'other non-2xx': number;
  timeouts: number;
  errors: number;
  'bytes/resp': number;
}

export async function load({ url, connections, seconds, headers, requests }: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  let bytes = 0;
  let serverErrors = 0;
  let otherNon2xx = 0;
  const instance = autocannon({ url, connections, duration: seconds, headers, requests });
  instance.on('response', (_client, statusCode, resBytes, responseTime) => {
    times.push(responseTime);
    bytes = resBytes;
    if (statusCode >= 500) serverErrors++;
    else if (statusCode >= 300) otherNon2xx++;
  });
  const result = await instance;
  const sorted = times.sort((a, b) => a - b);
  return {
    'req/s': result.requests.total / seconds,
    requests: result.requests.total,
    'p50 ms': percentile(sorted, 50),
    'p95 ms': percentile(sorted, 95),
    'p99 ms': percentile(sorted, 99),
    'max ms': sorted[sorted.length - 1] ?? NaN,
    '5xx': serverErrors,
    'other non-2xx': otherNon2xx,
    timeouts: result.timeouts,
    errors: result.errors - result.timeouts,
    'bytes/resp': bytes,
  };
}

/** A share as a percentage of the requests sent (timeouts included: they were sent too). */
export function share(count: number, result: LoadResult): number {
  const sent = result.requests + result.timeouts;
  return sent === 0 ? 0 : (100 * count) / sent;
}
