/** The header every dashboard request carries; a cross-site form, image or script tag cannot set it. */
export const CONSOLE_HEADER = 'x-iam-console';

function hasOwnCredential(headers: Headers): boolean {
  return headers.has('authorization') || (headers.has('x-auth-email') && headers.has('x-auth-key'));
}

/**
 * Whether this /client/v4 call gets the server's credential. With the check (the default) only a
 * call carrying `X-IAM-Console: 1` does; without it — the naive local proxy this guards against —
 * any call that brings no credential of its own would be sent with the server's.
 */
export function usesServerCredential(request: Request, requireHeader: boolean): boolean {
  if (request.headers.get(CONSOLE_HEADER) === '1') return true;
  return !requireHeader && !hasOwnCredential(request.headers);
}

export const CONSOLE_HEADER_MESSAGE =
  'This console adds its credential only to requests from its own dashboard (X-IAM-Console header missing)';
