/**
 * The API's URI rules, mirrored so the form can say what is wrong before a round trip. The server
 * stays the authority: whatever it still refuses comes back with a pointer and lands at the field.
 */

import { safeHttpsUrl as appSafeHttpsUrl } from '@/lib/safe-url';

export type UriKind = 'page' | 'redirect' | 'origin';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Schemes that run code or read local data when a browser follows them. */
const FORBIDDEN_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob']);

/**
 * Why `value` is refused as a URI of `kind`, or null when it is fine. Every URI is absolute https;
 * http only for a loopback host in redirect URIs and origins (local development); redirect URIs
 * carry no fragment (RFC 6749 §3.1.2); origins are scheme://host[:port] exactly.
 */
export function uriProblem(value: string, kind: UriKind): string | null {
  if (value.length > 2048) return 'Must be at most 2048 characters.';
  // Control characters are exactly what this check is about.
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(value)) return 'Must not contain spaces or control characters.';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return 'Must be an absolute URL starting with https://';
  if (FORBIDDEN_SCHEMES.has(scheme)) return `The ${scheme}: scheme is not allowed; use an https:// URL.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Is not a valid URL.';
  }
  const loopbackAllowed = kind !== 'page' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !loopbackAllowed) {
    return kind === 'page'
      ? 'Must use https://'
      : 'Must use https:// (http:// is allowed only for localhost and 127.0.0.1).';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Must use https://';
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(value) || !url.hostname) return 'Must include a host.';
  if (url.username || url.password) return 'Must not contain a user name or password.';
  if (kind === 'page' && LOOPBACK_HOSTS.has(url.hostname)) return 'Must be a public address: a localhost page cannot be shown to users or verified.';
  if (kind === 'redirect' && value.includes('#')) return 'Must not contain a fragment (#…).';
  if (kind === 'origin' && url.origin !== value) {
    return `Must be an origin only — scheme, host and optional port, lower case, no path or trailing slash (e.g. ${url.origin}).`;
  }
  return null;
}

/**
 * A value safe to use as an image source or link target: a well-formed https URL, nothing else —
 * the app-wide check (lib/safe-url) and this API's page-URI rules both.
 */
export function safeHttpsUrl(value: string | null | undefined): string | null {
  if (!value || !appSafeHttpsUrl(value) || uriProblem(value, 'page')) return null;
  return new URL(value).protocol === 'https:' ? value : null;
}

/** The host whose DNS proves ownership of a client URI, or null when the URI has none. */
export function hostOf(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).hostname || null;
  } catch {
    return null;
  }
}
