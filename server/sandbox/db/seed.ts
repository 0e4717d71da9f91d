import type { Db } from './sql.ts';
import type { SeedKind } from '../../config.ts';
import { seedOAuthScopes } from './seed-catalogue-oauth-scopes.ts';
import { seedPermissionGroups } from './seed-catalogue-permission-groups.ts';
import { seedCompany } from './seed-company.ts';
import { seedCompanyOAuth } from './seed-company-oauth.ts';
import { seedCompanySso } from './seed-company-sso.ts';
import { seedHistory } from './seed-history.ts';
import { createSeedWriter } from './seed-insert.ts';
import { HUGE_EXTRA_GROUPS, HUGE_EXTRA_MEMBERS, seedLarge, type ScaleSize } from './seed-large.ts';
import { seedTimestamp } from './seed-random.ts';
import { seedStaging } from './seed-staging.ts';
import { seedZones } from './seed-zones.ts';

/** The API reference's example account id, so its examples run unchanged against the sandbox. */
export const DEFAULT_ACCOUNT_ID = '023e105f4ecef8ad9ca31a8372d0c353';
/** A second, smaller account for the account switcher. */
export const STAGING_ACCOUNT_ID = '7c1a4e2b9d0f4c3e8a5b6d7e8f901a2b';

/**
 * Fills a new sandbox database (open.ts runs this once, inside a transaction):
 * - every kind: both accounts and Cloudflare's catalogues (permission groups, OAuth scopes);
 * - 'default': Acme Corp's IAM (zones, zones' resource groups, user groups, members, SSO connectors,
 *   OAuth clients) and a small Acme Staging;
 * - 'large': the default data plus 10,000 user groups, 5,000 members and 2,000 zones for scale work;
 * - 'huge': the default data plus 100,000 user groups, 20,000 members and 2,000 zones (or `scale`'s sizes:
 *   the scale bench seeds other sizes this way);
 * - every kind but 'empty': a year of Acme Corp's audit log (seed-history.ts), so History has a past.
 * Everything is deterministic (same ids and dates on every run) except secrets, which are random
 * and stored hashed, and the start time of the verifications seeded as in progress.
 */
export function seedDatabase(db: Db, kind: SeedKind, scale?: ScaleSize): void {
  const write = createSeedWriter(db);
  seedPermissionGroups(db);
  seedOAuthScopes(db);
  write.account({
    id: DEFAULT_ACCOUNT_ID,
    name: 'Acme Corp',
    type: 'enterprise',
    createdOn: seedTimestamp(Date.UTC(2019, 2, 14, 15, 47, 3)),
  });
  write.account({
    id: STAGING_ACCOUNT_ID,
    name: 'Acme Staging',
    type: 'standard',
    createdOn: seedTimestamp(Date.UTC(2024, 5, 3, 10, 12, 40)),
  });
  if (kind === 'empty') return;

  const company = seedCompany(write, DEFAULT_ACCOUNT_ID);
  seedCompanySso(write, DEFAULT_ACCOUNT_ID);
  seedCompanyOAuth(write, DEFAULT_ACCOUNT_ID);
  seedStaging(write, STAGING_ACCOUNT_ID, company);
  seedZones(db, DEFAULT_ACCOUNT_ID, STAGING_ACCOUNT_ID, kind === 'large' || kind === 'huge');
  if (kind === 'large') seedLarge(write, DEFAULT_ACCOUNT_ID, company);
  if (kind === 'huge') seedLarge(write, DEFAULT_ACCOUNT_ID, company, scale ?? { groups: HUGE_EXTRA_GROUPS, members: HUGE_EXTRA_MEMBERS });
  // Last: the past is worked back from everything seeded above.
  seedHistory(db, DEFAULT_ACCOUNT_ID, { scale: kind === 'large' });
}
