import type { OAuthClient } from '@/api/oauth/schema';
import { pluralize } from '@/lib/format';
import { isIdentityScope } from './schemas';
import { hostOf } from './uri-rules';

/**
 * What promotion to public requires (the API's rule: a name, a logo URI, a verified client URI
 * host, at least one non-identity scope), item by item, so the page can say what is left.
 */

export type ChecklistState = 'done' | 'missing' | 'waiting' | 'failed';

export interface ChecklistItem {
  key: 'name' | 'logo' | 'client_uri' | 'scopes';
  label: string;
  state: ChecklistState;
  detail: string;
  /** Where the API points when this item blocks promotion. */
  pointer: string;
}

export function promotionChecklist(client: OAuthClient): { items: ChecklistItem[]; complete: boolean } {
  const name = client.client_name?.trim() ?? '';
  const host = hostOf(client.client_uri);
  const verification = client.client_uri_verification?.status;
  const realScopes = (client.scopes ?? []).filter((s) => !isIdentityScope(s));

  const uriItem = ((): Pick<ChecklistItem, 'state' | 'detail'> => {
    if (!host) return { state: 'missing', detail: 'Add a client URI (your application’s home page).' };
    switch (verification) {
      case 'verified':
        return { state: 'done', detail: `${host} is verified.` };
      case 'failed':
        return { state: 'failed', detail: `Verification of ${host} failed: publish the TXT record below, then check again.` };
      case 'in_progress':
        return { state: 'waiting', detail: `Cloudflare is looking for the TXT record at ${host}.` };
      case 'pending':
        return { state: 'waiting', detail: `Verification of ${host} will start shortly.` };
      default:
        return { state: 'waiting', detail: `${host} is not verified yet.` };
    }
  })();

  const items: ChecklistItem[] = [
    {
      key: 'name',
      label: 'Client name',
      pointer: '/client_name',
      ...(name ? { state: 'done', detail: `Shown to users as “${name}”.` } : { state: 'missing', detail: 'Add a name users will recognise.' }),
    },
    {
      key: 'logo',
      label: 'Logo',
      pointer: '/logo_uri',
      ...(client.logo_uri
        ? { state: 'done', detail: 'A logo URI is set.' }
        : { state: 'missing', detail: 'Add a logo URI (an https image).' }),
    },
    { key: 'client_uri', label: 'Verified client URI host', pointer: '/client_uri', ...uriItem },
    {
      key: 'scopes',
      label: 'At least one API scope',
      pointer: '/scopes',
      ...(realScopes.length
        ? { state: 'done', detail: `${pluralize(realScopes.length, 'API scope')} requested.` }
        : { state: 'missing', detail: 'Identity scopes (openid, offline_access, profile, email) do not count: add an API scope.' }),
    },
  ];
  return { items, complete: items.every((i) => i.state === 'done') };
}
