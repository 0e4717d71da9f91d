import { SUPER_ADMINISTRATOR, adminGrant, ssoEnabledDomains, superAdminsOutside } from '../admin-roles';
import type { Finding } from '../finding';
import type { SnapshotSsoConnector } from '../snapshot';
import type { SnapshotIndex } from '../snapshot-index';
import { DAY_MS, ageMs, groupObject } from './objects';

export const SSO_STUCK_HOURS = 48;

const connectorObject = (c: SnapshotSsoConnector) => ({ kind: 'sso-connector' as const, id: c.id, name: c.email_domain });

export function ssoStuckFindings(index: SnapshotIndex): Finding[] {
  const { now, ssoConnectors } = index.snapshot;
  const findings: Finding[] = [];
  for (const connector of ssoConnectors) {
    const status = connector.verification?.status;
    const waiting = (status === 'awaiting' || status === 'pending') && ageMs(now, connector.updated_on ?? connector.created_on) > (SSO_STUCK_HOURS / 24) * DAY_MS;
    if (status !== 'failed' && !waiting) continue;
    findings.push({
      id: `sso-connector-stuck:${connector.id}`,
      kind: 'sso-connector-stuck',
      severity: 'warning',
      title: status === 'failed' ? `SSO for ${connector.email_domain}: verification failed` : `SSO for ${connector.email_domain}: still ${status} after ${SSO_STUCK_HOURS} hours`,
      why: 'Cloudflare checks the TXT record for about two days; past that the domain stays unverified and SSO cannot be enabled for it.',
      affected: [connectorObject(connector)],
      fix: { action: 'Check the TXT record on the right name, then restart verification (or delete the connector).', target: { screen: 'sso-connector', connectorId: connector.id } },
    });
  }
  return findings;
}

/** SSO enabled for a domain while every super administrator logs in through it. */
export function ssoLockoutFindings(index: SnapshotIndex): Finding[] {
  const enabled = index.snapshot.ssoConnectors.filter((c) => c.enabled);
  if (enabled.length === 0) return [];
  const grant = adminGrant(index, SUPER_ADMINISTRATOR);
  const holders = grant?.holders ?? [];
  // An admin behind another enabled domain's SSO fails with the same identity provider.
  const behindSso = ssoEnabledDomains(enabled);
  return enabled
    .filter((c) => superAdminsOutside(holders, c.email_domain, behindSso).length === 0)
    .map((connector) => ({
      id: `sso-lockout-risk:${connector.id}`,
      kind: 'sso-lockout-risk' as const,
      severity: 'critical' as const,
      title: `SSO for ${connector.email_domain}: no super administrator can log in without it`,
      why: `If the identity provider fails, every super administrator logs in through ${connector.email_domain} and nobody is left to turn SSO off.`,
      affected: [connectorObject(connector), ...(grant?.groups ?? []).map(groupObject)],
      fix: {
        action: `Add a super administrator whose email is outside ${connector.email_domain} and every other SSO domain (an accepted member), or keep an API token that can disable SSO.`,
        target: grant?.groups[0]
          ? { screen: 'group-members' as const, groupId: grant.groups[0].id }
          : { screen: 'sso-connector' as const, connectorId: connector.id },
      },
    }));
}
