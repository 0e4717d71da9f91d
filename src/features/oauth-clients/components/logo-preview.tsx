import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { consoleModeQuery } from '@/api/accounts/queries';
import { sandboxLogosQuery } from '@/api/sandbox-logos';
import { safeHttpsUrl } from '../uri-rules';

/**
 * A preview of the logo users will see on the consent screen. A logo URI from the API names a
 * host the admin may never have heard of, so it is loaded only after an explicit "Show logo"
 * (then as a plain https image without a referrer; never data:, javascript: or http:). The
 * sandbox's seeded logos come from the console's own origin and show at once. `small` is the
 * inline variant beside a title: it shows nothing rather than a placeholder or a button.
 */
export function LogoPreview({ uri, small = false }: { uri: string | null | undefined; small?: boolean }) {
  const src = safeHttpsUrl(uri);
  const { data: mode } = useQuery(consoleModeQuery);
  const sandboxLogos = useQuery({ ...sandboxLogosQuery, enabled: mode?.mode === 'sandbox' });
  const ownOrigin = uri ? sandboxLogos.data?.get(uri) : undefined;
  const [shownSrc, setShownSrc] = useState<string | null>(null);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const load = ownOrigin ?? (src && shownSrc === src ? src : null);

  const note = !uri ? 'No logo' : !src ? 'Preview shows https images only' : failedSrc === load && load ? 'Could not load this image' : null;
  if (note) return small ? null : <div className="oc-logo-preview oc-logo-preview-empty">{note}</div>;
  if (!load) {
    if (small) return null;
    return (
      <div className="oc-logo-preview oc-logo-preview-empty">
        <button type="button" className="btn btn-small" onClick={() => setShownSrc(src)} title={`Loads ${src} in your browser`}>
          Show logo
        </button>
      </div>
    );
  }
  const size = small ? 32 : 64;
  return (
    <span className={`oc-logo-preview${small ? ' oc-logo-preview-small' : ''}`}>
      <img src={load} alt={small ? '' : 'Logo preview'} referrerPolicy="no-referrer" width={size} height={size} onError={() => setFailedSrc(load)} />
    </span>
  );
}
