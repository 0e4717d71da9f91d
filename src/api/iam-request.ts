/**
 * What every IAM endpoint module (user groups, permission groups, resource groups) shares: the
 * account's IAM path, page parameters, and the header that marks a write as a revert.
 */
export const iamPath = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/iam`;

/** A write that undoes a recorded change: the server's journal links it to that entry. */
export interface WriteOptions {
  revertOf?: string;
}
export const writeHeaders = (options?: WriteOptions) => (options?.revertOf ? { 'X-IAM-Console-Revert': options.revertOf } : undefined);

export interface PageParams {
  page?: number;
  per_page?: number;
}

/** Keeps a page size within what the operation serves (the published schema's limits). */
export function perPageWithin(perPage: number | undefined, min: number, max: number): number | undefined {
  return perPage === undefined ? undefined : Math.min(max, Math.max(min, Math.round(perPage)));
}
