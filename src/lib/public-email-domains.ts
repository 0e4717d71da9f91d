/**
 * Public email providers: their users are not one organisation's employees, so Cloudflare refuses
 * them as SSO domains (a subdomain of one too). One list for the sandbox, which refuses them as
 * Cloudflare does, and the SSO wizard, which says so while the admin types; against the real API
 * Cloudflare stays the authority (its list may be longer).
 */
export const PUBLIC_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com', 'aol.com', 'icloud.com',
  'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de',
  'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com',
  'fastmail.com', 'tutanota.com', 'tuta.io', 'hey.com', 'duck.com',
]);

/** The provider's domain when `domain` is one of them or a subdomain of one, else null. */
export function publicEmailProvider(domain: string): string | null {
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    if (PUBLIC_EMAIL_DOMAINS.has(suffix)) return suffix;
  }
  return null;
}
