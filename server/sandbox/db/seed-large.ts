import { PERMISSION_GROUPS } from './seed-catalogue-permission-groups.ts';
import type { SeededCompany } from './seed-company.ts';
import type { MemberSeed, PolicySeed, SeedBatch, SeedWriter } from './seed-insert.ts';
import { newPerson } from './seed-people.ts';
import { SEED_BASE_TIME, SeedRandom, seedTimestamp } from './seed-random.ts';

/**
 * Scale data on top of the default seed: SANDBOX_SEED=large adds 10,000 user groups named the way
 * a big organisation grows them (team – region – n), each with 1–3 policies, and 5,000 members,
 * with one group that holds everybody for paging through thousands of members; SANDBOX_SEED=huge
 * the same at 100,000 groups and 20,000 members (how the API's cost grows: bench/api-scale.ts).
 */

export const LARGE_EXTRA_GROUPS = 10_000;
export const LARGE_EXTRA_MEMBERS = 5_000;
export const HUGE_EXTRA_GROUPS = 100_000;
export const HUGE_EXTRA_MEMBERS = 20_000;

export interface ScaleSize {
  groups: number;
  members: number;
}
/** The one large-seed group every member of the account belongs to. */
export const ALL_STAFF_GROUP_NAME = 'All Staff – Global';

const TEAMS = [
  'Platform Engineering', 'SRE', 'Payments', 'Checkout', 'Search', 'Identity', 'Mobile', 'Web Frontend',
  'Data Engineering', 'Analytics', 'Machine Learning', 'Security Engineering', 'AppSec', 'Network Operations',
  'Customer Support', 'Professional Services', 'Sales Engineering', 'Marketing', 'Growth', 'Content',
  'Localization', 'Finance', 'Procurement', 'Legal', 'Compliance', 'IT Helpdesk', 'Corporate IT', 'QA',
  'Release Engineering', 'Developer Relations', 'Partner Integrations', 'Media Delivery', 'Edge Compute',
  'Observability', 'Billing Systems', 'Fraud Prevention', 'Trust & Safety', 'Infrastructure',
  'Database Reliability', 'Messaging',
];
const REGIONS = [
  'AMER', 'EMEA', 'APAC', 'LATAM', 'US-East', 'US-West', 'EU-West', 'EU-Central', 'UK', 'Nordics', 'India',
  'Japan', 'ANZ', 'Singapore', 'Brazil', 'Canada',
];
const FUNCTIONS = ['On-call', 'Admins', 'Read-only', 'Deployers', 'Reviewers', 'Leads', 'Contractors', 'Auditors'];
const PROJECTS = [
  'Project Falcon', 'Project Atlas', 'Project Nimbus', 'Project Orion', 'Project Helix', 'Project Kestrel',
  'Project Juniper', 'Project Meridian',
];
const MEMBER_DOMAINS: Array<[domain: string, weight: number]> = [
  ['acme.com', 0.75],
  ['acme.co.uk', 0.08],
  ['acme.de', 0.07],
  ['northwind-consulting.com', 0.04],
  ['pixelforge.agency', 0.03],
  ['globex-staffing.com', 0.03],
];

export function seedLarge(
  write: SeedWriter,
  accountId: string,
  company: SeededCompany,
  size: ScaleSize = { groups: LARGE_EXTRA_GROUPS, members: LARGE_EXTRA_MEMBERS },
): void {
  // The large seed's own stream, so its ids stay what they always were; other sizes get theirs.
  const stream = size.groups === LARGE_EXTRA_GROUPS && size.members === LARGE_EXTRA_MEMBERS ? 'large' : `scale-${size.groups}-${size.members}`;
  const rand = new SeedRandom(`${stream}:${accountId}`);
  const accountWide = company.resourceGroups.filter((rg) => rg.accountWide).map((rg) => rg.id);
  // The unused resource group stays unused at scale too.
  const zoneGroups = company.resourceGroups.filter((rg) => !rg.accountWide && !rg.name.includes('(unused)')).map((rg) => rg.id);
  const accountPgs = PERMISSION_GROUPS.filter((pg) => pg.scope_level === 'account' && !pg.name.startsWith('Super')).map(
    (pg) => pg.id,
  );
  const zonePgs = PERMISSION_GROUPS.filter((pg) => pg.scope_level === 'zone').map((pg) => pg.id);

  // An account-level permission group only ever goes with the account-wide resource group (1006).
  const policy = (first: boolean): PolicySeed => {
    const accountLevel = rand.chance(0.4);
    return {
      id: rand.id(),
      access: !first && rand.chance(0.2) ? 'deny' : 'allow',
      permissionGroupIds: rand.sample(accountLevel ? accountPgs : zonePgs, rand.int(1, 3)),
      resourceGroupIds: accountLevel ? accountWide : rand.sample(zoneGroups, rand.int(1, 2)),
    };
  };

  // Groups
  const counters = new Map<string, number>();
  const nameFor = (index: number): string => {
    if (index === 0) return ALL_STAFF_GROUP_NAME;
    const roll = rand.next();
    const prefix =
      roll < 0.65
        ? `${rand.pick(TEAMS)} – ${rand.pick(REGIONS)}`
        : roll < 0.9
          ? `${rand.pick(TEAMS)} – ${rand.pick(REGIONS)} – ${rand.pick(FUNCTIONS)}`
          : `${rand.pick(PROJECTS)} – ${rand.pick(FUNCTIONS)}`;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix} – ${n}`;
  };
  const batch: SeedBatch = { userGroups: [], members: [], groupMembers: [] };
  const groups: Array<{ id: string; created: number }> = [];
  for (let i = 0; i < size.groups; i++) {
    const id = rand.id();
    const created = rand.daysAgo(1, 730);
    const policyCount = rand.int(1, 3);
    const policies: PolicySeed[] = [];
    for (let p = 0; p < policyCount; p++) policies.push(policy(p === 0));
    batch.userGroups.push({
      id,
      accountId,
      name: nameFor(i),
      createdOn: seedTimestamp(created),
      modifiedOn: seedTimestamp(rand.chance(0.3) ? created : rand.between(created, SEED_BASE_TIME)),
      policies,
    });
    groups.push({ id, created });
  }

  // Members
  const members: MemberSeed[] = [];
  for (let i = 0; i < size.members; i++) {
    let roll = rand.next();
    let domain = MEMBER_DOMAINS[0]![0];
    for (const [d, weight] of MEMBER_DOMAINS) {
      if (roll < weight) {
        domain = d;
        break;
      }
      roll -= weight;
    }
    const person = newPerson(rand, domain, company.emails);
    const pending = rand.chance(0.1);
    const member: MemberSeed = {
      id: rand.id(),
      accountId,
      userId: rand.id(),
      email: person.email,
      firstName: pending && rand.chance(0.5) ? null : person.firstName,
      lastName: pending && rand.chance(0.5) ? null : person.lastName,
      status: pending ? 'pending' : 'accepted',
      createdOn: seedTimestamp(pending ? rand.daysAgo(0, 30) : rand.daysAgo(31, 1_300)),
    };
    batch.members.push(member);
    members.push(member);
  }

  // Memberships: everyone in "All Staff – Global"; each new member in up to three other groups,
  // skewed so a few groups are big and most are small or empty, as in a real directory.
  const allStaff = groups[0]!;
  const joinedAt = (groupCreated: number, memberCreatedOn: string) =>
    seedTimestamp(rand.between(Math.max(groupCreated, Date.parse(memberCreatedOn)), SEED_BASE_TIME));
  for (const m of [...company.members, ...members]) batch.groupMembers.push([allStaff.id, m.id, joinedAt(allStaff.created, m.createdOn)]);
  for (const m of members) {
    const picked = new Set<number>();
    const count = rand.pick([0, 1, 1, 2, 2, 3]);
    for (let k = 0; k < count; k++) picked.add(1 + Math.floor(Math.pow(rand.next(), 2.5) * (groups.length - 1)));
    for (const index of picked) {
      const group = groups[index]!;
      batch.groupMembers.push([group.id, m.id, joinedAt(group.created, m.createdOn)]);
    }
  }
  write.batch(batch);
}
