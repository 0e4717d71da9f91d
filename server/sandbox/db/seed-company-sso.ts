import { timestamp } from '../ids.ts';
import type { SeedWriter, SsoConnectorSeed } from './seed-insert.ts';
import { DAY_MS, SEED_BASE_TIME, SeedRandom, seedTimestamp, stableId } from './seed-random.ts';

/**
 * Acme Corp's dashboard-SSO connectors, one in each verification state, and the TXT records the
 * sandbox DNS holds for them (the verified domains publish their code; the failed one publishes
 * a stale code from an earlier attempt, which is what made it fail).
 */

const CODE_PREFIX = 'cloudflare_dashboard_sso=';

export const ssoConnectorIdFor = (domain: string) => stableId(`sso-connector:${domain}`);
const codeFor = (domain: string) => `${CODE_PREFIX}${stableId(`sso-code:${domain}`)}`;

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export function seedCompanySso(write: SeedWriter, accountId: string): void {
  // Each connector's day gets its own time of day, so the timestamps do not all read 09:00:00.
  const rand = new SeedRandom(`sso:${accountId}`);
  const dayStart = new Map<number, number>();
  const at = (daysAgo: number, plusMs = 0) => {
    if (!dayStart.has(daysAgo)) dayStart.set(daysAgo, SEED_BASE_TIME - daysAgo * DAY_MS - rand.int(0, 8 * 3600 * 1000));
    return dayStart.get(daysAgo)! + plusMs;
  };
  const connector = (
    domain: string,
    status: SsoConnectorSeed['verificationStatus'],
    opts: { enabled?: boolean; fedramp?: boolean; created: number; started: number | null; updated: number },
  ): SsoConnectorSeed => ({
    id: ssoConnectorIdFor(domain),
    accountId,
    emailDomain: domain,
    enabled: opts.enabled ?? false,
    useFedrampLanguage: opts.fedramp ?? false,
    verificationCode: codeFor(domain),
    verificationStatus: status,
    verificationStartedAt: opts.started === null ? null : seedTimestamp(opts.started),
    createdOn: seedTimestamp(opts.created),
    updatedOn: seedTimestamp(opts.updated),
  });

  // acme.com: verified and enabled — every @acme.com login goes through the IdP.
  const acmeCom = connector('acme.com', 'verified', {
    enabled: true,
    created: at(540),
    started: at(540, 2 * MINUTE_MS),
    updated: at(537),
  });
  write.ssoConnector(acmeCom);
  write.dnsRecord({
    id: stableId('dns:acme.com:sso'),
    name: 'acme.com',
    type: 'TXT',
    content: acmeCom.verificationCode,
    createdOn: seedTimestamp(at(540, 25 * MINUTE_MS)),
  });

  // Unrelated TXT records share the name, as on any real domain.
  write.dnsRecord({
    id: stableId('dns:acme.com:spf'),
    name: 'acme.com',
    type: 'TXT',
    content: 'v=spf1 include:_spf.google.com include:mailgun.org ~all',
    createdOn: seedTimestamp(at(1_400)),
  });

  // acme.io: verified, not yet enabled (the IdP app for it is still being set up).
  const acmeIo = connector('acme.io', 'verified', {
    created: at(120),
    started: at(120, 5 * MINUTE_MS),
    updated: at(120, 3 * HOUR_MS),
  });
  write.ssoConnector(acmeIo);
  write.dnsRecord({
    id: stableId('dns:acme.io:sso'),
    name: 'acme.io',
    type: 'TXT',
    content: acmeIo.verificationCode,
    createdOn: seedTimestamp(at(120, 2 * HOUR_MS)),
  });

  // acme-labs.dev: verification just started, no TXT record yet. The sandbox settles a pending
  // verification against the real clock (a two-day window), so its start is the real time of
  // seeding — the one deliberately non-deterministic value — to keep it pending for the UI.
  const now = timestamp();
  write.ssoConnector({
    ...connector('acme-labs.dev', 'pending', { created: at(2), started: null, updated: at(2) }),
    verificationStartedAt: now,
    updatedOn: now,
  });

  // acquired-startup.com: failed — its DNS still carries the code of an abandoned attempt.
  write.ssoConnector(
    connector('acquired-startup.com', 'failed', {
      fedramp: true,
      created: at(20),
      started: at(20, 10 * MINUTE_MS),
      updated: at(20, 48 * HOUR_MS + 10 * MINUTE_MS),
    }),
  );
  write.dnsRecord({
    id: stableId('dns:acquired-startup.com:sso'),
    name: 'acquired-startup.com',
    type: 'TXT',
    content: `${CODE_PREFIX}${stableId('sso-code:acquired-startup.com:previous-attempt')}`,
    createdOn: seedTimestamp(at(75)),
  });

  // acme.co.uk: created without starting verification (awaiting).
  write.ssoConnector(connector('acme.co.uk', 'awaiting', { created: at(3), started: null, updated: at(3) }));
}
