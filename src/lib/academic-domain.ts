/**
 * Academic email domains (`.edu`, `.ac.uk`, `.edu.au`, …). Since 2026-02-17 Cloudflare lets an
 * account create and verify an SSO connector for one, but enabling it needs Cloudflare support's
 * manual approval (changelog fundamentals/2026-02-17-sso-academic-domain-approval; TODAY.md row 17).
 * The API has no field for that state: the console and the sandbox both recognise the domain.
 */
const ACADEMIC_SUFFIX = /(^|\.)(edu|edu\.[a-z]{2}|ac\.[a-z]{2})$/;

export function isAcademicDomain(domain: string): boolean {
  return ACADEMIC_SUFFIX.test(domain.trim().toLowerCase().replace(/\.$/, ''));
}

/** What the console says while an academic domain waits for Cloudflare's approval. */
export const ACADEMIC_APPROVAL_NOTE =
  'Academic domain: it can be verified as usual, but Cloudflare support must approve it before SSO can be enabled. Ask Cloudflare support once the domain is verified.';
