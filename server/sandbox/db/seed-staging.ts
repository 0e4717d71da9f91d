import { permissionGroup } from './seed-catalogue-permission-groups.ts';
import {
  accountKey,
  assertScopeCompatible,
  memberIdFor,
  resourceGroupIdFor,
  userGroupIdFor,
  userIdFor,
  zoneKey,
  type SeededCompany,
} from './seed-company.ts';
import type { MemberSeed, SeedWriter } from './seed-insert.ts';
import { newPerson } from './seed-people.ts';
import { SEED_BASE_TIME, SeedRandom, seedTimestamp, stableId } from './seed-random.ts';

/**
 * Acme Staging: a small second account so the account switcher has somewhere to go. Most of its
 * members are Acme Corp people (same user, another membership); a few QA contractors are only here.
 */

export const STAGING_ZONES = {
  'acme-staging.com': stableId('zone:acme-staging.com'),
  'acme-preview.dev': stableId('zone:acme-preview.dev'),
  'acme-loadtest.net': stableId('zone:acme-loadtest.net'),
} as const;

export function seedStaging(write: SeedWriter, accountId: string, company: SeededCompany): void {
  const rand = new SeedRandom(`staging:${accountId}`);

  const rg = (name: string, objects: string[], daysAgo: number) => {
    const id = resourceGroupIdFor(accountId, name);
    const created = rand.daysAgo(daysAgo - 3, daysAgo);
    write.resourceGroup({
      id,
      accountId,
      name,
      scopeKey: accountKey(accountId),
      objects,
      meta: null,
      createdOn: seedTimestamp(created),
      modifiedOn: seedTimestamp(created),
    });
    return id;
  };
  const all = rg('All of Acme Staging', [accountKey(accountId)], 500);
  const preview = rg('Preview zones', [zoneKey(STAGING_ZONES['acme-staging.com']), zoneKey(STAGING_ZONES['acme-preview.dev'])], 480);
  const loadtest = rg('Load test zone', [zoneKey(STAGING_ZONES['acme-loadtest.net'])], 200);
  const accountWide = new Set([all]);

  // Members: eight accepted Acme Corp people, plus QA contractors who exist only here.
  const fromCorp = rand.sample(
    company.members.filter((m) => m.status === 'accepted' && m.email.endsWith('@acme.com')),
    8,
  );
  const members: MemberSeed[] = fromCorp.map((m) => ({
    ...m,
    id: memberIdFor(accountId, m.email),
    accountId,
    createdOn: seedTimestamp(rand.daysAgo(30, 480)),
  }));
  for (let i = 0; i < 4; i++) {
    const person = newPerson(rand, 'testwave.io', company.emails);
    const pending = i >= 2;
    members.push({
      id: memberIdFor(accountId, person.email),
      accountId,
      userId: userIdFor(person.email),
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      status: pending ? 'pending' : 'accepted',
      createdOn: seedTimestamp(pending ? rand.daysAgo(0, 10) : rand.daysAgo(30, 300)),
    });
  }
  for (const m of members) write.member(m);

  const groups: Array<{ name: string; members: number; policies: Array<['allow' | 'deny', string[], string[]]> }> = [
    { name: 'Staging Admins', members: 3, policies: [['allow', ['Administrator'], [all]]] },
    {
      name: 'QA Engineers',
      members: 6,
      policies: [['allow', ['Zone Read', 'DNS', 'Cache Purge'], [preview]]],
    },
    {
      name: 'Load Testing',
      members: 3,
      policies: [
        ['allow', ['Zone', 'Firewall'], [loadtest]],
        ['allow', ['Analytics'], [all]],
      ],
    },
    {
      name: 'Preview Deployers',
      members: 4,
      policies: [
        ['allow', ['Workers Admin', 'Cloudflare Pages'], [all]],
        ['deny', ['DNS'], [preview]],
      ],
    },
  ];
  for (const plan of groups) {
    const id = userGroupIdFor(accountId, plan.name);
    const created = rand.daysAgo(60, 480);
    const policies = plan.policies.map(([access, pgs, rgs], i) => ({
      id: stableId(`policy:${id}:${i}`),
      access,
      permissionGroupIds: pgs.map((name) => permissionGroup(name).id),
      resourceGroupIds: rgs,
    }));
    policies.forEach((p, i) => assertScopeCompatible(p, accountWide, `staging "${plan.name}" policy ${i}`));
    write.userGroup({
      id,
      accountId,
      name: plan.name,
      createdOn: seedTimestamp(created),
      modifiedOn: seedTimestamp(rand.between(created, SEED_BASE_TIME)),
      policies,
    });
    for (const m of rand.sample(members, plan.members)) {
      write.groupMember(id, m.id, seedTimestamp(rand.between(Math.max(created, Date.parse(m.createdOn)), SEED_BASE_TIME)));
    }
  }
}
