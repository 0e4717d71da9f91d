import { useState } from 'react';
import { safeHttpsUrl } from '../uri-rules';

/**
 * A preview of the logo users will see on the consent screen. Only a well-formed https URL is
 * loaded (never data:, javascript: or http:), without a referrer; anything else is described as
 * text. `small` is the inline variant beside a title: it shows nothing rather than a placeholder.
 */
export function LogoPreview({ uri, small = false }: { uri: string | null | undefined; small?: boolean }) {
  const src = safeHttpsUrl(uri);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const note = !uri ? 'No logo' : !src ? 'Preview shows https images only' : failedSrc === src ? 'Could not load this image' : null;
  if (note) return small ? null : <div className="oc-logo-preview oc-logo-preview-empty">{note}</div>;
  const size = small ? 32 : 64;
  return (
    <span className={`oc-logo-preview${small ? ' oc-logo-preview-small' : ''}`}>
      <img
        src={src!}
        alt={small ? '' : 'Logo preview'}
        referrerPolicy="no-referrer"
        width={size}
        height={size}
        onError={() => setFailedSrc(src)}
      />
    </span>
  );
}
