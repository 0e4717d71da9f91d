/**
 * URLs that come from the API (an OAuth client's URIs and logo, anything an admin or an attacker
 * typed) may only become a link or an image when they are plain absolute http(s) URLs:
 * never javascript:, data:, vbscript:, file:, blob:, never a protocol-relative or scheme-only
 * trick (`//evil.example`, `https:evil.example`), never a `user:pass@` prefix that disguises the
 * real host, never whitespace or control characters a browser would silently strip. Anything else
 * is shown as text. Returns the URL to use, or null.
 */
export function safeHttpUrl(value: unknown, options: { httpsOnly?: boolean } = {}): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null;
  // Browsers strip tabs/newlines inside URLs and trim spaces: "java\tscript:" would run.
  if (/[\s\p{Cc}]/u.test(value)) return null;
  if (!/^https?:\/\/[^/\\]/i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && (options.httpsOnly || url.protocol !== 'http:')) return null;
  if (!url.hostname || url.username || url.password) return null;
  return value;
}

/** For images and anything loaded by the page itself: https only (no mixed content). */
export function safeHttpsUrl(value: unknown): string | null {
  return safeHttpUrl(value, { httpsOnly: true });
}
