/**
 * The server's one logger. Every line passes through `redact()` first, so a credential never
 * reaches a terminal, a CI log or a bug report: the configured token / API key / email, the live
 * session secret, any `Bearer …`, `client_secret` values in JSON, and `?token=` in URLs.
 */

const REDACTED = '[redacted]';

/** Values registered at startup (credential, session secret); matched literally anywhere in a line. */
const secrets = new Set<string>();

const PATTERNS: Array<[RegExp, string]> = [
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`],
  // "client_secret": "…" (also escaped inside a JSON string: \"client_secret\":\"…\")
  [/(\\?"client_secret\\?"\s*:\s*\\?")((?:[^"\\]|\\.)*?)(\\?")/gi, `$1${REDACTED}$3`],
  [/([?&](?:token|session)=)[^&\s#"']+/gi, `$1${REDACTED}`],
  [/((?:x-auth-key|x-auth-email|authorization)["']?\s*[:=]\s*["']?)(?!Bearer\b)[^\s"',;]+/gi, `$1${REDACTED}`],
];

export function registerSecret(...values: Array<string | null | undefined>): void {
  // Very short values would redact ordinary words; no real credential is that short.
  for (const value of values) if (value && value.length >= 6) secrets.add(value);
}

/** For tests: forget every registered secret. */
export function clearSecrets(): void {
  secrets.clear();
}

export function redact(text: string): string {
  let out = text;
  // Longest first, so a value containing another is replaced whole.
  for (const value of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(value).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

function format(part: unknown): string {
  if (part instanceof Error) return part.stack ?? `${part.name}: ${part.message}`;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

export interface LogSink {
  log(line: string): void;
  error(line: string): void;
}

let sink: LogSink = { log: (line) => console.log(line), error: (line) => console.error(line) };

/** For tests: capture lines instead of printing them. Returns a function that restores the console. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

const line = (parts: unknown[]) => redact(parts.map(format).join(' '));

export const log = {
  info: (...parts: unknown[]) => sink.log(line(parts)),
  warn: (...parts: unknown[]) => sink.error(line(parts)),
  error: (...parts: unknown[]) => sink.error(line(parts)),
};

/** Registers the credential values the server was started with (live mode), so no line can show them. */
export function registerConfiguredSecrets(env: NodeJS.ProcessEnv = process.env): void {
  registerSecret(env.CLOUDFLARE_API_TOKEN, env.CLOUDFLARE_API_KEY, env.CLOUDFLARE_EMAIL);
}
