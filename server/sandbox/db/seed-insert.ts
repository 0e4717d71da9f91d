import type { Db } from './sql.ts';
// Seeded clients are stored exactly as the OAuth routes store them, so they read back the same.
import { storeFields, type OAuthClientFields } from '../oauth-clients/model.ts';
import { stableId } from './seed-random.ts';

/** A UUID (the audit log's id form) derived from a readable key. */
export function stableUuid(key: string): string {
  const hex = stableId(key);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Row writers for the seed: each statement is prepared once and reused, so the large seed's
 * hundred thousand rows are plain bound inserts inside seedDatabase's transaction.
 */

export interface AccountSeed {
  id: string;
  name: string;
  type: string;
  createdOn: string;
}

export interface ResourceGroupSeed {
  id: string;
  accountId: string;
  name: string;
  scopeKey: string;
  /** Object keys, e.g. `com.cloudflare.api.account.zone.<zone id>`. */
  objects: string[];
  meta: { key: string; value: string } | null;
  createdOn: string;
  modifiedOn: string;
}

export interface PolicySeed {
  id: string;
  access: 'allow' | 'deny';
  permissionGroupIds: string[];
  resourceGroupIds: string[];
}

export interface UserGroupSeed {
  id: string;
  accountId: string;
  name: string;
  createdOn: string;
  modifiedOn: string;
  policies: PolicySeed[];
}

/** The v1 audit-log entry an IdP's SCIM provisioning left when it created a group. */
export interface ScimCreationSeed {
  accountId: string;
  userGroupId: string;
  at: string;
  /** The group as the API answered it after the creation (its JSON). */
  group: unknown;
}

export interface MemberSeed {
  id: string;
  accountId: string;
  userId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  status: 'accepted' | 'pending';
  createdOn: string;
}

export interface SsoConnectorSeed {
  id: string;
  accountId: string;
  emailDomain: string;
  enabled: boolean;
  useFedrampLanguage: boolean;
  verificationCode: string;
  verificationStatus: 'awaiting' | 'pending' | 'failed' | 'verified';
  verificationStartedAt: string | null;
  createdOn: string;
  updatedOn: string;
}

export interface DnsRecordSeed {
  id: string;
  name: string;
  type: 'TXT';
  content: string;
  createdOn: string;
}

export interface OAuthClientSeed {
  clientId: string;
  accountId: string;
  visibility: 'public' | 'private';
  fields: OAuthClientFields;
  secretHash: string;
  rotatedSecretHash: string | null;
  uriVerificationStatus: 'pending' | 'in_progress' | 'verified' | 'failed' | null;
  uriVerificationText: string | null;
  uriVerificationStartedAt: string | null;
  promotedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type SeedWriter = ReturnType<typeof createSeedWriter>;

/** The rows of a scale seed, given all at once so they can be written in key order. */
export interface SeedBatch {
  userGroups: UserGroupSeed[];
  members: MemberSeed[];
  groupMembers: Array<[userGroupId: string, memberId: string, createdAt: string]>;
}

function inKeyOrder<T>(rows: T[], key: (row: T) => string): T[] {
  return rows.map((row) => [key(row), row] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

export function createSeedWriter(db: Db) {
  const account = db.prepare('INSERT INTO accounts (id, name, type, created_on) VALUES (?, ?, ?, ?)');
  const resourceGroup = db.prepare(
    `INSERT INTO resource_groups (id, account_id, name, scope_key, scope_objects, meta, created_on, modified_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const userGroup = db.prepare(
    'INSERT INTO user_groups (id, account_id, name, created_on, modified_on) VALUES (?, ?, ?, ?, ?)',
  );
  const policy = db.prepare('INSERT INTO policies (id, user_group_id, position, access) VALUES (?, ?, ?, ?)');
  const policyPermissionGroup = db.prepare(
    'INSERT INTO policy_permission_groups (policy_id, permission_group_id, position) VALUES (?, ?, ?)',
  );
  const policyResourceGroup = db.prepare(
    'INSERT INTO policy_resource_groups (policy_id, resource_group_id, position) VALUES (?, ?, ?)',
  );
  const member = db.prepare(
    `INSERT INTO account_members (id, account_id, user_id, email, first_name, last_name, status, created_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const groupMember = db.prepare('INSERT INTO user_group_members (user_group_id, member_id, created_at) VALUES (?, ?, ?)');
  const scimManaged = db.prepare("UPDATE user_groups SET managed_by = 'scim' WHERE id = ?");
  const auditLog = db.prepare(
    `INSERT INTO audit_logs (id, account_id, at, action_type, actor_id, actor_email, actor_ip, actor_context,
       actor_token_id, resource_type, resource_id, method, uri, status_code, old_value, new_value, request)
     VALUES (?, ?, ?, 'create', ?, NULL, ?, 'api_token', ?, 'user_group', ?, 'POST', ?, 201, NULL, ?, NULL)`,
  );
  const ssoConnector = db.prepare(
    `INSERT INTO sso_connectors (id, account_id, email_domain, enabled, use_fedramp_language, verification_code,
       verification_status, verification_started_at, created_on, updated_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const dnsRecord = db.prepare('INSERT INTO sandbox_dns_records (id, name, type, content, created_on) VALUES (?, ?, ?, ?, ?)');
  const oauthClient = db.prepare(
    `INSERT INTO oauth_clients (client_id, account_id, visibility, fields, secret_hash, rotated_secret_hash,
       uri_verification_status, uri_verification_text, uri_verification_started_at, promoted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    account(a: AccountSeed): void {
      account.run(a.id, a.name, a.type, a.createdOn);
    },
    resourceGroup(rg: ResourceGroupSeed): void {
      resourceGroup.run(
        rg.id,
        rg.accountId,
        rg.name,
        rg.scopeKey,
        JSON.stringify(rg.objects),
        rg.meta ? JSON.stringify(rg.meta) : null,
        rg.createdOn,
        rg.modifiedOn,
      );
    },
    userGroup(group: UserGroupSeed): void {
      userGroup.run(group.id, group.accountId, group.name, group.createdOn, group.modifiedOn);
      group.policies.forEach((p, position) => {
        policy.run(p.id, group.id, position, p.access);
        p.permissionGroupIds.forEach((pgId, i) => policyPermissionGroup.run(p.id, pgId, i));
        p.resourceGroupIds.forEach((rgId, i) => policyResourceGroup.run(p.id, rgId, i));
      });
    },
    member(m: MemberSeed): void {
      member.run(m.id, m.accountId, m.userId, m.email, m.firstName, m.lastName, m.status, m.createdOn);
    },
    groupMember(userGroupId: string, memberId: string, createdAt: string): void {
      groupMember.run(userGroupId, memberId, createdAt);
    },
    /** Marks a written group as provisioned by SCIM, with the audit entry of its creation through the SCIM API. */
    scimCreated(s: ScimCreationSeed): void {
      scimManaged.run(s.userGroupId);
      const provisioner = stableId(`scim-token:${s.accountId}`);
      auditLog.run(
        stableUuid(`scim-create:${s.userGroupId}`),
        s.accountId,
        s.at,
        provisioner,
        '52.14.201.7',
        provisioner,
        s.userGroupId,
        `/client/v4/accounts/${s.accountId}/scim/v2/Groups`,
        JSON.stringify(s.group),
      );
    },
    /**
     * Table by table, each in its primary key's order: a B-tree filled in key order appends to
     * its last page, where random ids land anywhere (half the time for the 100,000-group seed).
     */
    batch({ userGroups, members, groupMembers }: SeedBatch): void {
      for (const m of inKeyOrder(members, (m) => m.id)) {
        member.run(m.id, m.accountId, m.userId, m.email, m.firstName, m.lastName, m.status, m.createdOn);
      }
      for (const g of inKeyOrder(userGroups, (g) => g.id)) userGroup.run(g.id, g.accountId, g.name, g.createdOn, g.modifiedOn);
      const policies = inKeyOrder(
        userGroups.flatMap((g) => g.policies.map((p, position) => ({ p, userGroupId: g.id, position }))),
        ({ p }) => p.id,
      );
      for (const { p, userGroupId, position } of policies) policy.run(p.id, userGroupId, position, p.access);
      for (const { p } of policies) p.permissionGroupIds.forEach((pgId, i) => policyPermissionGroup.run(p.id, pgId, i));
      for (const { p } of policies) p.resourceGroupIds.forEach((rgId, i) => policyResourceGroup.run(p.id, rgId, i));
      for (const [userGroupId, memberId, createdAt] of inKeyOrder(groupMembers, ([g, m]) => `${g}:${m}`)) {
        groupMember.run(userGroupId, memberId, createdAt);
      }
    },
    ssoConnector(s: SsoConnectorSeed): void {
      ssoConnector.run(
        s.id,
        s.accountId,
        s.emailDomain,
        s.enabled ? 1 : 0,
        s.useFedrampLanguage ? 1 : 0,
        s.verificationCode,
        s.verificationStatus,
        s.verificationStartedAt,
        s.createdOn,
        s.updatedOn,
      );
    },
    dnsRecord(r: DnsRecordSeed): void {
      dnsRecord.run(r.id, r.name, r.type, r.content, r.createdOn);
    },
    oauthClient(c: OAuthClientSeed): void {
      oauthClient.run(
        c.clientId,
        c.accountId,
        c.visibility,
        storeFields(c.fields),
        c.secretHash,
        c.rotatedSecretHash,
        c.uriVerificationStatus,
        c.uriVerificationText,
        c.uriVerificationStartedAt,
        c.promotedAt,
        c.createdAt,
        c.updatedAt,
      );
    },
  };
}
