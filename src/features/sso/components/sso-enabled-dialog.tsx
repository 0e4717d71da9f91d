import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { domainToUnicode } from '@/lib/idn';
import { FallbackAcknowledgement } from './fallback-acknowledgement';
import { LockoutCheck, lockoutAllows, useLockoutCheck } from './lockout-check';
import { LockoutWarning } from './lockout-warning';

interface SsoEnabledDialogProps {
  accountId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  domain: string;
  /** What the change does: turn SSO on, or off. */
  enable: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}

/** Confirms enabling or disabling SSO, saying who is affected; enabling also asks for the fallback. */
export function SsoEnabledDialog({ accountId, open, onOpenChange, domain, enable, pending, error, onConfirm }: SsoEnabledDialogProps) {
  const [acknowledged, setAcknowledged] = useState(false);
  const [override, setOverride] = useState(false);
  const lockout = useLockoutCheck(accountId, domain, open && enable);
  const shown = domainToUnicode(domain);
  const close = (next: boolean) => {
    if (!next) {
      setAcknowledged(false);
      setOverride(false);
    }
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={enable ? `Enable SSO for ${shown}?` : `Disable SSO for ${shown}?`}
      footer={
        <>
          <button type="button" className="btn" onClick={() => close(false)}>
            Cancel
          </button>
          <button
            type="button"
            className={enable ? 'btn btn-primary' : 'btn btn-danger'}
            disabled={pending || (enable && !(acknowledged && lockoutAllows(lockout, override)))}
            aria-busy={pending}
            onClick={onConfirm}
          >
            {pending ? 'Working…' : enable ? 'Enable SSO' : 'Disable SSO'}
          </button>
        </>
      }
    >
      {enable ? (
        <>
          <LockoutWarning domain={shown} />
          <LockoutCheck check={lockout} domain={domain} override={override} onOverrideChange={setOverride} />
          <FallbackAcknowledgement domain={shown} checked={acknowledged} onChange={setAcknowledged} />
        </>
      ) : (
        <>
          <p>
            People with an <strong>@{shown}</strong> address stop signing in through your identity provider and sign in to
            the dashboard with their Cloudflare email and password instead; anyone who never set a password has to reset it.
          </p>
          <p>The domain stays verified, so you can enable SSO again at any time without a new DNS record.</p>
        </>
      )}
      {error ? <ErrorBanner error={error} title={enable ? 'SSO was not enabled' : 'SSO was not disabled'} /> : null}
    </Dialog>
  );
}
