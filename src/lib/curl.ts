/**
 * A request as a curl command against Cloudflare's real API, for admins who script or keep
 * infrastructure as code. The credential is always the shell variable $CLOUDFLARE_API_TOKEN:
 * the console never puts a real one in text it hands out.
 */

export const CLOUDFLARE_API_BASE = 'https://api.cloudflare.com/client/v4';

/** Wraps text in single quotes for a POSIX shell ('it'\''s'). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): string {
  const lines = [
    `curl -X ${method} ${shellQuote(`${CLOUDFLARE_API_BASE}${path}`)}`,
    `  -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"`,
  ];
  if (body !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  --data ${shellQuote(JSON.stringify(body))}`);
  }
  return lines.join(' \\\n');
}
