/** The explicit "I will not lock myself out" confirmation required before SSO is enabled. */
export function FallbackAcknowledgement({ domain, checked, onChange }: { domain: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="field sso-checkbox-field">
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> I have tested a login through
        our identity provider, and I keep a way in that does not depend on SSO for {domain} (an API token or a super
        administrator outside the domain).
      </label>
    </div>
  );
}
