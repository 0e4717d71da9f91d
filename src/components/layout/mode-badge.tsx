/** Always visible: whether edits go to the sandbox or to a real Cloudflare account. */
export function ModeBadge({ mode, accountName }: { mode: 'sandbox' | 'live'; accountName: string }) {
  return mode === 'sandbox' ? (
    <span className="mode-badge mode-sandbox" title="Changes go to a local emulator, not to Cloudflare">
      Sandbox
    </span>
  ) : (
    <span className="mode-badge mode-live" title="Changes apply to a real Cloudflare account">
      Live: {accountName}
    </span>
  );
}
