import { domainToASCII } from 'node:url';

export type DomainCheck = { ok: true; value: string } | { ok: false; message: string };

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** DNS record names may carry service labels such as `_acme-challenge`. */
const RECORD_LABEL = /^_?[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?$/;

/**
 * Validates a domain as an admin types it and returns its canonical form: lower-case, no trailing
 * dot, internationalised names converted to their ASCII (punycode) form, which is what DNS holds.
 * Each refusal says what to change.
 */
export function parseDomainName(input: string, { recordName = false }: { recordName?: boolean } = {}): DomainCheck {
  if (input === '') return { ok: false, message: 'must not be empty' };
  // Punycode is never shorter than the Unicode it encodes, so a longer input cannot become valid.
  if (input.length > 254) return { ok: false, message: 'must be at most 253 characters' };
  if (/\s/.test(input)) return { ok: false, message: 'must not contain spaces' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    return { ok: false, message: 'enter the domain only, without a scheme such as https:// (e.g. example.com)' };
  }
  if (input.includes('@')) {
    return { ok: false, message: 'enter the domain only, without the user part (example.com, not admin@example.com)' };
  }
  if (/[/?#]/.test(input)) return { ok: false, message: 'enter the domain only, without a path (e.g. example.com)' };
  if (input.includes(':')) return { ok: false, message: 'enter the domain only, without a port (e.g. example.com)' };
  let name = input.endsWith('.') ? input.slice(0, -1) : input;
  // domainToASCII lower-cases, maps full-width dots and converts Unicode labels to punycode; it
  // answers '' for a name that is not a valid internationalised domain (e.g. a broken xn-- label).
  const ascii = domainToASCII(name);
  if (ascii === '') {
    return {
      ok: false,
      message: /\P{ASCII}/u.test(name)
        ? 'is not a valid internationalised domain name; enter its punycode form (xn--…)'
        : 'is not a valid domain name',
    };
  }
  name = ascii;
  if (name.length > 253) return { ok: false, message: 'must be at most 253 characters' };
  const labels = name.split('.');
  if (labels.length < 2) return { ok: false, message: 'must contain at least one dot (e.g. example.com)' };
  const pattern = recordName ? RECORD_LABEL : HOST_LABEL;
  for (const label of labels) {
    if (label === '') return { ok: false, message: 'must not contain empty labels (two dots in a row)' };
    if (label.length > 63) return { ok: false, message: `label "${label.slice(0, 20)}…" is longer than 63 characters` };
    if (!pattern.test(label)) {
      return {
        ok: false,
        message: `label "${label}" may contain only letters, digits and hyphens, and must not start or end with a hyphen`,
      };
    }
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return { ok: false, message: 'must be a domain name, not an IP address' };
  return { ok: true, value: name };
}
