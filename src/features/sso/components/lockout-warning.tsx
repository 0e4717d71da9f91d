/**
 * The risk admins run into most: SSO applies to every address at the domain, in every account, so
 * a broken identity provider locks them all out. Shown before creating and before enabling.
 */
export function LockoutWarning({ domain }: { domain: string | null }) {
  const at = domain ? `@${domain}` : 'at this domain';
  return (
    <div className="banner banner-warning sso-callout">
      <strong>Keep a way back in</strong>
      <p>
        Once SSO is enabled, everyone who signs in to the Cloudflare dashboard with an address {at} must go through your
        identity provider, in every Cloudflare account, not only this one. If the identity provider is misconfigured or
        down, they are locked out. Before enabling:
      </p>
      <ul>
        <li>keep an API token with the access you need to undo the change, and</li>
        <li>keep at least one super administrator whose email is outside {domain ?? 'the domain'};</li>
        <li>test a login through your identity provider first.</li>
      </ul>
    </div>
  );
}
