import type { Finding } from '../finding';
import type { SnapshotOAuthClient } from '../snapshot';
import type { SnapshotIndex } from '../snapshot-index';
import { DAY_MS, ageMs } from './objects';

export const ROTATED_SECRET_GRACE_DAYS = 7;

const clientObject = (c: SnapshotOAuthClient) => ({ kind: 'oauth-client' as const, id: c.client_id, name: c.client_name ?? c.client_id });

function hostOf(uri: string | undefined): string {
  try {
    return uri ? new URL(uri).host : '';
  } catch {
    return uri ?? '';
  }
}

export function oauthFindings(index: SnapshotIndex): Finding[] {
  const { now, oauthClients } = index.snapshot;
  const findings: Finding[] = [];
  for (const client of oauthClients) {
    // The API gives no rotation time; the last update is at or after it, so its age is a floor.
    if (client.has_rotated_secret && ageMs(now, client.updated_at) > ROTATED_SECRET_GRACE_DAYS * DAY_MS) {
      findings.push({
        id: `oauth-stale-rotated-secret:${client.client_id}`,
        kind: 'oauth-stale-rotated-secret',
        severity: 'warning',
        title: `${client.client_name ?? client.client_id} still accepts its previous secret, rotated over ${ROTATED_SECRET_GRACE_DAYS} days ago`,
        why: 'The old secret keeps working until it is revoked, so a leaked copy stays usable long after every deployment should have moved to the new one.',
        affected: [clientObject(client)],
        fix: { action: 'Check every deployment uses the new secret, then revoke the previous one.', target: { screen: 'oauth-client', clientId: client.client_id } },
      });
    }
    const status = client.client_uri_verification?.status;
    if (client.visibility === 'public' && status !== 'verified') {
      const host = hostOf(client.client_uri);
      findings.push({
        id: `oauth-public-unverified-uri:${client.client_id}`,
        kind: 'oauth-public-unverified-uri',
        severity: 'warning',
        title: `Public client ${client.client_name ?? client.client_id}: ${host || 'its client URI host'} is no longer verified`,
        why: 'Anyone can be shown this app on a consent screen, and nothing proves any more that its home page belongs to you.',
        affected: [clientObject(client)],
        fix: { action: `Publish the verification TXT record for ${host || 'the client URI host'} again and re-verify.`, target: { screen: 'oauth-client', clientId: client.client_id } },
      });
    }
  }
  return findings;
}
