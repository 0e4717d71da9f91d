import { permissionGroup, scopeLevelOf } from './seed-catalogue-permission-groups.ts';
import type { MemberSeed, PolicySeed, ResourceGroupSeed, SeedWriter, UserGroupSeed } from './seed-insert.ts';
import { newPerson } from './seed-people.ts';
import { DAY_MS, SEED_BASE_TIME, SeedRandom, seedTimestamp, stableId } from './seed-random.ts';

/**
 * Acme Corp's IAM as a real enterprise account looks after a couple of years of use: zones,
 * resource groups named by purpose, ~27 user groups with allow and deny policies, ~200 people
 * (staff and contractors, accepted and pending) spread over the groups.
 */

/** Acme Corp's zones. acme.com keeps the zone id of the API reference's examples. */
export const ACME_ZONES = {
  'acme.com': '23f8d65290b24279ba6f44721b3eaad5',
  'acme.io': stableId('zone:acme.io'),
  'acmeshop.com': stableId('zone:acmeshop.com'),
  'acme-status.com': stableId('zone:acme-status.com'),
  'acmecdn.net': stableId('zone:acmecdn.net'),
  'acme.co.uk': stableId('zone:acme.co.uk'),
  'acme.de': stableId('zone:acme.de'),
  'acme.dev': stableId('zone:acme.dev'),
  'acme-labs.dev': stableId('zone:acme-labs.dev'),
  'acme-internal.net': stableId('zone:acme-internal.net'),
} as const;

export type AcmeZone = keyof typeof ACME_ZONES;

/**
 * The account-wide resource group. It reuses the resource-group id of the API reference's
 * user-group examples, so those requests run unchanged against the sandbox.
 */
export const ACCOUNT_WIDE_RESOURCE_GROUP_ID = '6d7f2f5f5b1d4a0e9081fdc98d432fd1';

export const accountKey = (accountId: string) => `com.cloudflare.api.account.${accountId}`;
export const zoneKey = (zoneId: string) => `com.cloudflare.api.account.zone.${zoneId}`;

type RgKey =
  | 'account'
  | 'production'
  | 'customer'
  | 'marketing'
  | 'eu'
  | 'staging'
  | 'internal'
  | 'status'
  | 'shop'
  | 'cdn'
  | 'legacy'
  | 'allzones';

const RESOURCE_GROUPS: Array<{ key: RgKey; name: string; zones: AcmeZone[] | 'account'; daysAgo: number }> = [
  { key: 'account', name: 'All of Acme Corp', zones: 'account', daysAgo: 720 },
  { key: 'production', name: 'Production zones', zones: ['acme.com', 'acme.io', 'acmeshop.com'], daysAgo: 700 },
  {
    key: 'customer',
    name: 'Customer-facing zones',
    zones: ['acme.com', 'acme.io', 'acmeshop.com', 'acme-status.com', 'acmecdn.net', 'acme.co.uk', 'acme.de'],
    daysAgo: 690,
  },
  { key: 'marketing', name: 'Marketing sites', zones: ['acme.co.uk', 'acme.de', 'acme.dev'], daysAgo: 610 },
  { key: 'eu', name: 'EU zones', zones: ['acme.co.uk', 'acme.de'], daysAgo: 480 },
  { key: 'staging', name: 'Staging zones', zones: ['acme-labs.dev', 'acme-internal.net'], daysAgo: 455 },
  { key: 'internal', name: 'Internal tooling', zones: ['acme-internal.net'], daysAgo: 400 },
  { key: 'status', name: 'Status page – acme-status.com', zones: ['acme-status.com'], daysAgo: 350 },
  { key: 'shop', name: 'Shop – acmeshop.com', zones: ['acmeshop.com'], daysAgo: 300 },
  { key: 'cdn', name: 'CDN – acmecdn.net', zones: ['acmecdn.net'], daysAgo: 260 },
  // Referenced by no policy: the "unused" state.
  { key: 'legacy', name: 'Legacy microsites (unused)', zones: ['acme.dev', 'acme-labs.dev'], daysAgo: 640 },
];

interface PolicyPlan {
  access: 'allow' | 'deny';
  pgs: string[];
  rgs: RgKey[];
}

interface GroupPlan {
  name: string;
  /** Who the members are drawn from. */
  pool: 'staff' | 'contractors';
  members: number;
  policies: PolicyPlan[];
}

const allow = (pgs: string[], rgs: RgKey[]): PolicyPlan => ({ access: 'allow', pgs, rgs });
const deny = (pgs: string[], rgs: RgKey[]): PolicyPlan => ({ access: 'deny', pgs, rgs });

const SSL = 'SSL/TLS, Caching, Performance, Page Rules, and Customization';

const GROUPS: GroupPlan[] = [
  { name: 'Break-glass Admins', pool: 'staff', members: 2, policies: [allow(['Super Administrator - All Privileges'], ['account'])] },
  {
    name: 'Platform Engineering',
    pool: 'staff',
    members: 24,
    policies: [allow(['Administrator'], ['account']), deny(['Billing'], ['account'])],
  },
  {
    name: 'SRE On-call',
    pool: 'staff',
    members: 18,
    policies: [
      allow(['DNS', 'Firewall', 'Cache Purge', 'Health Checks'], ['customer']),
      allow(['Load Balancer', 'Analytics', 'Audit Logs Viewer'], ['account']),
    ],
  },
  {
    name: 'Incident Commanders',
    pool: 'staff',
    members: 7,
    policies: [allow(['Administrator Read Only', 'Analytics'], ['account']), allow(['Firewall', 'Cache Purge'], ['customer'])],
  },
  {
    name: 'DNS Operators',
    pool: 'staff',
    members: 9,
    policies: [allow(['DNS', 'Zone Read'], ['production', 'marketing']), allow(['Zone Read'], ['allzones'])],
  },
  {
    name: 'Network Engineering',
    pool: 'staff',
    members: 8,
    policies: [
      allow(['Magic Transit', 'Magic WAN', 'Magic Network Monitoring', 'Network Services Write'], ['account']),
      allow(['Load Balancer'], ['account']),
    ],
  },
  {
    name: 'Security Operations',
    pool: 'staff',
    members: 14,
    policies: [
      allow(['Firewall', 'Bot Management', 'Page Shield', SSL], ['allzones']),
      allow(['Audit Logs Viewer', 'Cloudflare Zero Trust Read Only', 'Log Share Reader'], ['account']),
      deny(['DNS'], ['production']),
    ],
  },
  {
    name: 'Zero Trust Admins',
    pool: 'staff',
    members: 5,
    policies: [allow(['Cloudflare Zero Trust', 'Cloudflare Access', 'Cloudflare Gateway', 'Cloudflare DEX'], ['account'])],
  },
  {
    name: 'Workers Developers',
    pool: 'staff',
    members: 45,
    policies: [
      allow(['Workers Editor', 'Workers KV Storage', 'D1', 'Queues', 'Cloudflare Pages'], ['account']),
      allow(['Workers Routes'], ['staging']),
      deny(['Workers Routes'], ['production']),
    ],
  },
  {
    name: 'Data Platform',
    pool: 'staff',
    members: 12,
    policies: [allow(['Log Share', 'Analytics', 'Cloudflare R2 Admin', 'Queues'], ['account'])],
  },
  {
    name: 'AI Platform',
    pool: 'staff',
    members: 7,
    policies: [allow(['Workers AI', 'Vectorize', 'Hyperdrive', 'Cloudflare R2 Read'], ['account'])],
  },
  {
    name: 'Support Tier 1',
    pool: 'staff',
    members: 58,
    policies: [allow(['Zone Read'], ['customer']), allow(['Analytics'], ['account'])],
  },
  {
    name: 'Support Tier 2',
    pool: 'staff',
    members: 16,
    policies: [
      allow(['Zone Read', 'Cache Purge', 'HTTP Applications Read'], ['customer']),
      allow(['Analytics', 'Log Share Reader'], ['account']),
      deny(['Firewall'], ['production']),
    ],
  },
  { name: 'Billing Admins', pool: 'staff', members: 4, policies: [allow(['Billing', 'Administrator Read Only'], ['account'])] },
  { name: 'Finance', pool: 'staff', members: 6, policies: [allow(['Billing', 'Analytics'], ['account'])] },
  {
    name: 'Read-only Auditors',
    pool: 'staff',
    members: 6,
    policies: [allow(['Administrator Read Only', 'Audit Logs Viewer', 'Access Audit Logs'], ['account'])],
  },
  {
    name: 'Legal & Compliance',
    pool: 'staff',
    members: 3,
    policies: [allow(['Audit Logs Viewer', 'Trust and Safety', 'Brand Protection'], ['account'])],
  },
  {
    name: 'Marketing Web',
    pool: 'staff',
    members: 11,
    policies: [
      allow(['Zone', 'Cache Purge', 'Zaraz Admin'], ['marketing']),
      allow(['Zone Read'], ['production']),
      deny(['DNS'], ['production']),
    ],
  },
  {
    name: 'E-commerce Web',
    pool: 'staff',
    members: 10,
    policies: [allow(['Zone', 'DNS', 'Cache Purge', 'Waiting Room Admin', 'Bot Management'], ['shop'])],
  },
  { name: 'Status Page Maintainers', pool: 'staff', members: 4, policies: [allow(['DNS', 'Cache Purge'], ['status'])] },
  {
    name: 'EU Regional Ops',
    pool: 'staff',
    members: 6,
    policies: [allow(['Domain Administrator'], ['eu']), deny(['DNS'], ['eu'])],
  },
  {
    name: 'Media Team',
    pool: 'staff',
    members: 5,
    policies: [allow(['Cloudflare Images', 'Cloudflare Stream'], ['account']), allow(['Cache Purge'], ['cdn'])],
  },
  {
    name: 'Email Operations',
    pool: 'staff',
    members: 3,
    policies: [allow(['Email Routing'], ['customer']), allow(['Email Security Analyst'], ['account'])],
  },
  {
    name: 'Contractors – Marketing DNS',
    pool: 'contractors',
    members: 9,
    policies: [allow(['DNS'], ['marketing']), deny(['DNS', 'Zone'], ['production'])],
  },
  {
    name: 'Contractors – DNS read only',
    pool: 'contractors',
    members: 7,
    policies: [allow(['Zone Read'], ['customer', 'staging']), deny(['DNS'], ['production'])],
  },
  // No members (between intakes): the empty state.
  {
    name: 'Interns',
    pool: 'staff',
    members: 0,
    policies: [allow(['Zone Read'], ['staging']), deny(['DNS', 'Firewall', 'Zone'], ['production'])],
  },
  // No policies: people on their way out keep a membership that grants nothing.
  { name: 'Offboarding – no access', pool: 'staff', members: 3, policies: [] },
];

/** Acme Corp's own user groups (the SCIM-provisioned ones aside), for the seeded past. */
export const COMPANY_GROUP_NAMES: readonly string[] = GROUPS.map((g) => g.name);

export const OWNER_EMAIL = 'jordan.alvarez@acme.com';
/** The member id of the API reference's member examples, given to the account owner. */
export const OWNER_MEMBER_ID = '4f5f0c14a2a41d5063dd301b2f829f04';

const PARTNER_DOMAINS: Array<[domain: string, count: number]> = [
  ['northwind-consulting.com', 9],
  ['pixelforge.agency', 8],
  ['brightline-ops.io', 5],
];
const MEMBER_COUNT = 200;
const PENDING_COUNT = 30;

/** Ids keyed by account and name, so a row's id does not move when other seed rows change. */
export const resourceGroupIdFor = (accountId: string, name: string) => stableId(`resource-group:${accountId}:${name}`);
export const userGroupIdFor = (accountId: string, name: string) => stableId(`user-group:${accountId}:${name}`);
export const memberIdFor = (accountId: string, email: string) => stableId(`member:${accountId}:${email}`);
export const userIdFor = (email: string) => stableId(`user:${email}`);

export interface SeededResourceGroup {
  id: string;
  name: string;
  accountWide: boolean;
}

export interface SeededCompany {
  resourceGroups: SeededResourceGroup[];
  members: MemberSeed[];
  /** Addresses already in use; later seed steps add theirs so no two people share one. */
  emails: Set<string>;
}

/**
 * Throws if a policy pairs an account-level permission group with a zone resource group, or a
 * zone-level permission group with the whole account (rule 1006, both ways as today's API has it).
 */
export function assertScopeCompatible(policy: PolicySeed, accountWideRgIds: ReadonlySet<string>, where: string): void {
  const onZones = policy.resourceGroupIds.some((id) => !accountWideRgIds.has(id));
  const onAccount = policy.resourceGroupIds.some((id) => accountWideRgIds.has(id));
  for (const pgId of policy.permissionGroupIds) {
    if (onZones && scopeLevelOf(pgId) === 'account') {
      throw new Error(`seed: ${where} pairs an account-level permission group with a zone resource group`);
    }
    if (onAccount && scopeLevelOf(pgId) === 'zone') {
      throw new Error(`seed: ${where} pairs a zone-level permission group with the whole account`);
    }
  }
}

/** The name of the resource group holding every Acme Corp zone. */
export const ALL_ZONES_RESOURCE_GROUP = 'All Acme zones';

function seedAllZonesGroup(write: SeedWriter, accountId: string): string {
  const rand = new SeedRandom(`company-all-zones:${accountId}`);
  const id = resourceGroupIdFor(accountId, ALL_ZONES_RESOURCE_GROUP);
  const created = rand.daysAgo(520, 525);
  write.resourceGroup({
    id,
    accountId,
    name: ALL_ZONES_RESOURCE_GROUP,
    scopeKey: accountKey(accountId),
    objects: Object.values(ACME_ZONES).map(zoneKey),
    meta: null,
    createdOn: seedTimestamp(created),
    modifiedOn: seedTimestamp(rand.between(created, SEED_BASE_TIME)),
  });
  return id;
}

export const WORKERS_RESOURCE_GROUP = 'Checkout Workers';

/** The per-Worker object key (per-resource permissions docs; TODAY.md row 27). */
export const workerKey = (workerId: string) => `com.cloudflare.api.account.worker.${workerId}`;

/**
 * A resource group of two Workers (per-resource permissions), for the Workers roles granted per
 * Worker. Its own random stream, like the all-zones group, so every other seeded row stays as it was.
 */
function seedWorkersGroup(write: SeedWriter, accountId: string): string {
  const rand = new SeedRandom(`company-workers:${accountId}`);
  const id = resourceGroupIdFor(accountId, WORKERS_RESOURCE_GROUP);
  const created = rand.daysAgo(90, 120);
  write.resourceGroup({
    id,
    accountId,
    name: WORKERS_RESOURCE_GROUP,
    scopeKey: accountKey(accountId),
    objects: ['checkout-api', 'checkout-auth'].map((script) => workerKey(stableId(`worker:${accountId}:${script}`))),
    meta: null,
    createdOn: seedTimestamp(created),
    modifiedOn: seedTimestamp(created),
  });
  return id;
}

/**
 * Groups an identity provider (Okta) provisions through SCIM: the API refuses writes to them
 * (Decision 4), and the v1 audit log's entry of their creation says interface "SCIM".
 */
export const SCIM_GROUPS: Array<{ name: string; members: number; policies: PolicyPlan[] }> = [
  {
    name: 'Okta · Platform Engineers',
    members: 12,
    policies: [allow(['Administrator Read Only', 'Workers Admin'], ['account']), allow(['DNS'], ['staging'])],
  },
  { name: 'Okta · Finance', members: 5, policies: [allow(['Billing', 'Analytics'], ['account'])] },
];

function seedScimGroups(
  write: SeedWriter,
  accountId: string,
  rgIds: Map<RgKey, string>,
  accountWide: ReadonlySet<string>,
  staff: MemberSeed[],
): void {
  const rand = new SeedRandom(`company-scim:${accountId}`);
  for (const plan of SCIM_GROUPS) {
    const id = userGroupIdFor(accountId, plan.name);
    const created = rand.daysAgo(90, 400);
    const group: UserGroupSeed = {
      id,
      accountId,
      name: plan.name,
      createdOn: seedTimestamp(created),
      modifiedOn: seedTimestamp(rand.between(created, SEED_BASE_TIME - DAY_MS)),
      policies: plan.policies.map((p, i) => ({
        id: stableId(`policy:${id}:${i}`),
        access: p.access,
        permissionGroupIds: p.pgs.map((name) => permissionGroup(name).id),
        resourceGroupIds: p.rgs.map((key) => rgIds.get(key)!),
      })),
    };
    group.policies.forEach((p, i) => assertScopeCompatible(p, accountWide, `"${plan.name}" policy ${i}`));
    write.userGroup(group);
    write.scimCreated({
      accountId,
      userGroupId: id,
      at: new Date(created).toISOString(),
      group: { id, name: plan.name, created_on: group.createdOn, modified_on: group.createdOn, policies: [] },
    });
    for (const member of rand.sample(staff, plan.members)) {
      write.groupMember(id, member.id, seedTimestamp(rand.between(Math.max(created, Date.parse(member.createdOn)), SEED_BASE_TIME)));
    }
  }
}

export function seedCompany(write: SeedWriter, accountId: string): SeededCompany {
  const rand = new SeedRandom(`company:${accountId}`);

  // Resource groups
  const rgIds = new Map<RgKey, string>();
  const resourceGroups: SeededResourceGroup[] = [];
  for (const plan of RESOURCE_GROUPS) {
    const id = plan.key === 'account' ? ACCOUNT_WIDE_RESOURCE_GROUP_ID : resourceGroupIdFor(accountId, plan.name);
    const created = rand.daysAgo(plan.daysAgo - 5, plan.daysAgo);
    const row: ResourceGroupSeed = {
      id,
      accountId,
      name: plan.name,
      scopeKey: accountKey(accountId),
      objects: plan.zones === 'account' ? [accountKey(accountId)] : plan.zones.map((z) => zoneKey(ACME_ZONES[z])),
      meta: null,
      createdOn: seedTimestamp(created),
      modifiedOn: seedTimestamp(rand.chance(0.4) ? created : rand.between(created, SEED_BASE_TIME)),
    };
    write.resourceGroup(row);
    rgIds.set(plan.key, id);
    resourceGroups.push({ id, name: plan.name, accountWide: plan.zones === 'account' });
  }
  const accountWide = new Set(resourceGroups.filter((rg) => rg.accountWide).map((rg) => rg.id));
  // Every zone, for the zone-level permission groups a team holds everywhere (today's API refuses
  // them on the whole account: 1006). Its own random stream and kept out of `resourceGroups`, so
  // every other seeded row (and the large seed's draws) stays as it was.
  rgIds.set('allzones', seedAllZonesGroup(write, accountId));
  seedWorkersGroup(write, accountId);

  // Members: the owner, staff at acme.com, contractors at partner firms.
  const emails = new Set<string>([OWNER_EMAIL]);
  const people: Array<{ firstName: string; lastName: string; email: string; contractor: boolean }> = [
    { firstName: 'Jordan', lastName: 'Alvarez', email: OWNER_EMAIL, contractor: false },
  ];
  const partnerTotal = PARTNER_DOMAINS.reduce((n, [, count]) => n + count, 0);
  for (let i = people.length; i < MEMBER_COUNT - partnerTotal; i++) {
    people.push({ ...newPerson(rand, 'acme.com', emails), contractor: false });
  }
  for (const [domain, count] of PARTNER_DOMAINS) {
    for (let i = 0; i < count; i++) people.push({ ...newPerson(rand, domain, emails), contractor: true });
  }
  const pending = new Set(rand.sample(people.slice(1), PENDING_COUNT));
  const members: MemberSeed[] = people.map((person, index) => {
    const isPending = pending.has(person);
    // Invitations are recent; accepted members joined over the account's life (since 2019).
    const created =
      index === 0 ? Date.UTC(2019, 2, 14, 16, 2, 11) : isPending ? rand.daysAgo(0, 21) : rand.daysAgo(22, 1_300);
    // About half the pending invitees have no profile yet: the API knows only their email.
    const anonymous = isPending && rand.chance(0.5);
    const member: MemberSeed = {
      id: index === 0 ? OWNER_MEMBER_ID : memberIdFor(accountId, person.email),
      accountId,
      userId: userIdFor(person.email),
      email: person.email,
      firstName: anonymous ? null : person.firstName,
      lastName: anonymous ? null : person.lastName,
      status: isPending ? 'pending' : 'accepted',
      createdOn: seedTimestamp(created),
    };
    write.member(member);
    return member;
  });
  const createdMs = new Map(members.map((m) => [m.id, Date.parse(m.createdOn)]));
  const staff = members.filter((_, i) => !people[i]!.contractor && i !== 0);
  const contractors = members.filter((_, i) => people[i]!.contractor);
  const owner = members[0]!;

  // User groups, their policies and memberships.
  for (const plan of GROUPS) {
    const id = userGroupIdFor(accountId, plan.name);
    const created = rand.daysAgo(30, 730);
    const group: UserGroupSeed = {
      id,
      accountId,
      name: plan.name,
      createdOn: seedTimestamp(created),
      modifiedOn: seedTimestamp(rand.chance(0.25) ? created : rand.between(created, SEED_BASE_TIME - DAY_MS)),
      policies: plan.policies.map((p, i) => ({
        id: stableId(`policy:${id}:${i}`),
        access: p.access,
        permissionGroupIds: p.pgs.map((name) => permissionGroup(name).id),
        resourceGroupIds: p.rgs.map((key) => rgIds.get(key)!),
      })),
    };
    group.policies.forEach((p, i) => assertScopeCompatible(p, accountWide, `"${plan.name}" policy ${i}`));
    write.userGroup(group);

    const pool = plan.pool === 'contractors' ? contractors : staff;
    const chosen = rand.sample(pool, plan.members);
    // The owner sits in the admin groups, as the person who set them up.
    if (plan.members > 0 && (plan.name === 'Break-glass Admins' || plan.name === 'Platform Engineering')) {
      chosen[0] = owner;
    }
    for (const member of chosen) {
      const joined = rand.between(Math.max(created, createdMs.get(member.id)!), SEED_BASE_TIME);
      write.groupMember(id, member.id, seedTimestamp(joined));
    }
  }

  seedScimGroups(write, accountId, rgIds, accountWide, staff.filter((m) => m.status === 'accepted'));

  return { resourceGroups, members, emails };
}
