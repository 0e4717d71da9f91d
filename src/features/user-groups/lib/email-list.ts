/**
 * Parses what an admin pastes into "add by email": a column copied from a spreadsheet, a line of
 * a mail client's To: field ("Ana Silva <ana@acme.com>, bo@acme.com"), or a hand-typed list.
 */

/** The API's limit on a member's email (seeds: maxLength 90). */
export const EMAIL_MAX_LENGTH = 90;

export type EmailEntry =
  | { kind: 'valid'; email: string; input: string }
  | { kind: 'invalid'; input: string; reason: string };

export interface ParsedEmailList {
  /** Each distinct address once (case-insensitive), in the order first pasted, plus the bad entries. */
  entries: EmailEntry[];
  /** Addresses pasted more than once, lower-cased: shown so the admin knows nothing was lost. */
  repeated: string[];
}

// A pragmatic check, not RFC 5322: one @, no spaces or list punctuation, a dotted domain whose
// labels do not start or end with a hyphen. What real mailboxes look like, and what typos do not.
const LOCAL = /^[^\s@<>()[\]\\,;:"]+$/;
const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

export function emailProblem(email: string): string | null {
  if (email.length > EMAIL_MAX_LENGTH) return `longer than ${EMAIL_MAX_LENGTH} characters`;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1 || email.indexOf('@') !== at) return 'not an email address';
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'not an email address';
  }
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return 'the domain is not valid';
  return null;
}

/** Strips what surrounds an address when copied from mail clients or documents. */
function clean(token: string): string {
  return token
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^["'(<[]+|["')>\].]+$/g, '');
}

/** Splits one comma/semicolon/newline chunk: "Name <addr>" gives addr, else each word. */
function tokensOf(chunk: string): string[] {
  const angled = [...chunk.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!);
  if (angled.length > 0) return angled;
  return chunk.split(/\s+/);
}

export function parseEmailList(text: string): ParsedEmailList {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const entries: EmailEntry[] = [];
  for (const chunk of text.split(/[,;\n\r]+/)) {
    for (const raw of tokensOf(chunk)) {
      const token = clean(raw);
      if (!token) continue;
      const problem = emailProblem(token);
      if (problem) {
        entries.push({ kind: 'invalid', input: token, reason: problem });
        continue;
      }
      // Mailboxes are matched case-insensitively everywhere in this console (as the API's search is).
      const email = token.toLowerCase();
      if (seen.has(email)) {
        repeated.add(email);
        continue;
      }
      seen.add(email);
      entries.push({ kind: 'valid', email, input: token });
    }
  }
  return { entries, repeated: [...repeated] };
}

export function validEmails(list: ParsedEmailList): string[] {
  return list.entries.flatMap((e) => (e.kind === 'valid' ? [e.email] : []));
}
