import { ACADEMIC_APPROVAL_NOTE, isAcademicDomain } from '@/lib/academic-domain';
import { publicEmailProvider } from '@/lib/public-email-domains';

/**
 * What the domain field makes of what the admin typed. `incomplete` errors (empty, no dot yet) are
 * ones that more typing may fix, so the form shows them only on blur or submit; the others show at
 * once. A `suggestion` is a valid domain the admin probably meant (e.g. the host of a pasted URL).
 */
export type DomainValidation =
  | { ok: true; domain: string; notes: string[] }
  | { ok: false; message: string; suggestion?: string; incomplete?: boolean };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function fail(message: string, extra: { suggestion?: string; incomplete?: boolean } = {}): DomainValidation {
  return { ok: false, message, ...extra };
}

/**
 * A suggestion is offered only when it is itself acceptable, so clicking it never leads to another
 * error. It keeps the admin's own spelling (bücher.de, not xn--bcher-kva.de): the field then says
 * what it will be saved as.
 */
function suggest(message: string, candidate: string): DomainValidation {
  const check = validateEmailDomain(candidate);
  return check.ok ? fail(message, { suggestion: candidate.trim().toLowerCase().replace(/\.$/, '') }) : fail(message);
}

/**
 * Validates an SSO email domain as typed and returns the canonical form the API and DNS use:
 * lower-case, no trailing dot, internationalised names in punycode (what DNS actually holds).
 */
export function validateEmailDomain(input: string): DomainValidation {
  const trimmed = input.trim();
  if (trimmed === '') return fail('Enter the email domain your people sign in with, e.g. example.com.', { incomplete: true });
  if (/\s/.test(trimmed)) return fail('A domain cannot contain spaces.');

  const scheme = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(trimmed);
  if (scheme) return suggest('Enter the domain only, without https:// or a path.', scheme[1]!);
  if (trimmed.includes('@')) {
    return suggest('That is an email address: enter only the part after the @.', trimmed.slice(trimmed.lastIndexOf('@') + 1));
  }
  const pathAt = trimmed.search(/[/?#]/);
  if (pathAt >= 0) return suggest('Enter the domain only, without a path.', trimmed.slice(0, pathAt));
  if (trimmed.includes(':')) return suggest('Enter the domain only, without a port.', trimmed.slice(0, trimmed.indexOf(':')));

  if (trimmed.startsWith('*.')) {
    return suggest('SSO is set up for one email domain, not a wildcard: enter the domain without “*.”.', trimmed.slice(2));
  }
  const withoutDot = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  // Name the character the admin typed: after the URL parser, "*" would read as "%2A".
  const stray = /[^\p{L}\p{M}\p{N}.\-\u3002\uff0e\uff61]/u.exec(withoutDot);
  if (stray) return fail(`“${stray[0]}” is not allowed in a domain: use letters, digits, hyphens and dots.`);
  if (withoutDot.length > 253) return fail('A domain is at most 253 characters long.');
  let ascii: string;
  try {
    // The URL parser is the browser's own IDNA implementation: lower-cases, maps full-width dots,
    // and turns Unicode labels into punycode (bücher.de → xn--bcher-kva.de).
    ascii = new URL(`http://${withoutDot}`).hostname;
  } catch {
    return fail(
      /[^\p{ASCII}]/u.test(withoutDot)
        ? 'This is not a valid internationalised domain name; check the spelling or enter its punycode form (xn--…).'
        : 'This is not a valid domain name. Use letters, digits, hyphens and dots, e.g. example.com.',
    );
  }
  if (ascii.length > 253) return fail('A domain is at most 253 characters long.');
  const labels = ascii.split('.');
  if (labels.length < 2) return fail('A domain needs at least one dot, e.g. example.com.', { incomplete: true });
  for (const label of labels) {
    if (label === '') return fail('A domain cannot have two dots in a row or start with a dot.');
    if (label.length > 63) return fail('Each part between dots is at most 63 characters long.');
    if (!LABEL.test(label)) {
      return fail(`"${label}" is not allowed: use letters, digits and hyphens, not starting or ending with a hyphen.`);
    }
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return fail('Enter a domain name, not an IP address.');

  const provider = publicEmailProvider(ascii);
  if (provider) {
    return fail(
      `${provider} is a public email provider. SSO needs a domain your organisation controls and whose users are all your employees.`,
    );
  }

  const notes: string[] = [];
  if (isAcademicDomain(ascii)) notes.push(ACADEMIC_APPROVAL_NOTE);
  if (ascii !== withoutDot.toLowerCase()) notes.push(`Internationalised name: DNS and Cloudflare use ${ascii}.`);
  else if (withoutDot !== trimmed || withoutDot !== withoutDot.toLowerCase() || trimmed !== input) {
    notes.push(`Will be saved as ${ascii}.`);
  }
  return { ok: true, domain: ascii, notes };
}
