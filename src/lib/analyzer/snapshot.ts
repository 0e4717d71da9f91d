import type { ScopeLike } from '../scope-keys';

/**
 * Everything the analyzer and the simulator look at, as plain data in the API's own shapes, so
 * the SPA (from its query cache) and the server (from /client/v4 and the membership index) can
 * both build one. Missing knowledge is explicit: `zones: null` means "this account's zones are
 * unknown", and rules that need them say nothing rather than guess.
 */

export interface SnapshotPolicy {
  id?: string;
  access?: 'allow' | 'deny';
  /** `meta` as the answer carried it (either era's shape); read with metaLabel. */
  permission_groups?: ReadonlyArray<{ id: string; name?: string; meta?: unknown }>;
  resource_groups?: ReadonlyArray<{ id: string; name?: string; scope?: ScopeLike[] }>;
}

export interface SnapshotUserGroup {
  id: string;
  name: string;
  policies?: readonly SnapshotPolicy[];
}

export interface SnapshotMember {
  id: string;
  email: string;
  status: 'accepted' | 'pending';
  /** "First Last", when the API knows it. */
  name?: string;
  /**
   * What the account member holds directly, as GET /accounts/{id}/members answers it: legacy
   * roles (deprecated, still answered) and member policies. Absent: none, or not read.
   */
  roles?: ReadonlyArray<{ id?: string; name?: string }>;
  policies?: readonly SnapshotPolicy[];
}

export interface SnapshotResourceGroup {
  id: string;
  name?: string;
  scope: ScopeLike[];
}

export interface SnapshotZone {
  id: string;
  name: string;
}

export interface SnapshotSsoConnector {
  id: string;
  email_domain: string;
  enabled: boolean;
  verification?: { status?: 'awaiting' | 'pending' | 'failed' | 'verified' };
  created_on?: string;
  updated_on?: string;
}

export interface SnapshotOAuthClient {
  client_id: string;
  client_name?: string;
  visibility: 'public' | 'private';
  client_uri?: string;
  client_uri_verification?: { status?: 'pending' | 'in_progress' | 'verified' | 'failed' };
  has_rotated_secret?: boolean;
  updated_at?: string;
}

export interface AccessSnapshot {
  accountId: string;
  /** ISO time the snapshot describes; age-based rules measure from it (tests pin it). */
  now: string;
  userGroups: readonly SnapshotUserGroup[];
  /**
   * Who is in each group (the membership index's answer). A group absent here has no members;
   * `null` means unknown, and the rules that depend on memberships stay silent.
   */
  memberships: ReadonlyArray<{ groupId: string; memberIds: readonly string[] }> | null;
  members: readonly SnapshotMember[];
  resourceGroups: readonly SnapshotResourceGroup[];
  zones: readonly SnapshotZone[] | null;
  ssoConnectors: readonly SnapshotSsoConnector[];
  oauthClients: readonly SnapshotOAuthClient[];
  /** The permission-group catalogue, for names a draft carries only as ids (optional). */
  permissionGroups?: ReadonlyArray<{ id: string; name: string; meta?: unknown }>;
}
