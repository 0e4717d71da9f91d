import * as z from 'zod/mini';
import { ApiError } from '../api-error';
import { SKIPPED_KINDS } from '@/lib/terraform/model';
import { CONSOLE_HEADER, consoleRequest } from '../client';

/**
 * The console's Terraform export (server/console/terraform/routes.ts): what it will cost, the
 * HCL text, and the same export as data for the drift view. Never cached in the query cache:
 * the text is fetched on demand and lives in the page's state only.
 */
export interface TerraformScope {
  /** Group ids; empty with no `history` = the whole account. */
  groups?: readonly string[];
  /** The History filter whose groups to export. */
  history?: Record<string, string | undefined>;
}

export function terraformQueryString(scope: TerraformScope, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const id of scope.groups ?? []) params.append('group', id);
  if (scope.history) {
    params.set('history', '1');
    for (const [k, v] of Object.entries(scope.history)) if (v) params.set(k, v);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

const base = (accountId: string) => `/console-api/accounts/${encodeURIComponent(accountId)}/terraform`;

export const terraformCostSchema = z.object({
  result: z.object({ scope: z.string(), groups: z.number(), requests: z.number(), memberships: z.enum(['index', 'per-group', 'unknown']) }),
});

export async function fetchTerraformCost(accountId: string, scope: TerraformScope, signal?: AbortSignal) {
  return (await consoleRequest(`${base(accountId)}/cost${terraformQueryString(scope)}`, { schema: terraformCostSchema, signal })).result;
}

const skippedSchema = z.object({ key: z.optional(z.string()), what: z.string(), kind: z.enum(SKIPPED_KINDS), reason: z.string(), instead: z.string() });
const policySchema = z.object({ access: z.enum(['allow', 'deny']), permission_groups: z.array(z.string()), resource_groups: z.array(z.string()) });
const resourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cloudflare_user_group'), resourceName: z.string(), id: z.string(), name: z.string(), policies: z.array(policySchema) }),
  z.object({ type: z.literal('cloudflare_user_group_members'), resourceName: z.string(), id: z.string(), members: z.array(z.string()) }),
  z.object({ type: z.literal('cloudflare_sso_connector'), resourceName: z.string(), id: z.string(), email_domain: z.string(), enabled: z.boolean() }),
  z.object({
    type: z.literal('cloudflare_account_member'),
    resourceName: z.string(),
    id: z.string(),
    email: z.string(),
    status: z.enum(['accepted', 'pending']),
    roles: z.array(z.string()),
    policies: z.array(policySchema),
  }),
]);
const book = z.record(z.string(), z.string());
export const terraformLiveSchema = z.object({
  result: z.object({
    accountId: z.string(),
    resources: z.array(resourceSchema),
    skipped: z.array(skippedSchema),
    names: z.object({ permissionGroups: book, resourceGroups: book, members: book, groups: book, roles: book }),
    requests: z.number(),
    memberships_as_of: z.optional(z.nullable(z.string())),
  }),
});
export type TerraformLive = z.infer<typeof terraformLiveSchema>['result'];

export async function fetchTerraformLive(accountId: string, scope: TerraformScope, signal?: AbortSignal): Promise<TerraformLive> {
  return (await consoleRequest(`${base(accountId)}${terraformQueryString(scope, { format: 'json' })}`, { schema: terraformLiveSchema, signal })).result;
}

/** The HCL text and what reading the account cost. */
export async function fetchTerraformHcl(accountId: string, scope: TerraformScope, signal?: AbortSignal): Promise<{ text: string; requests: number; membershipsAsOf: string | null }> {
  const url = `${base(accountId)}${terraformQueryString(scope)}`;
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'text/plain', ...CONSOLE_HEADER } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, kind: 'network', errors: [{ code: 0, message: 'Could not reach the server. Check your connection and try again.' }] });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { errors?: Array<{ code?: number; message: string }> } | null;
    throw new ApiError({ status: res.status, kind: 'api', errors: (body?.errors ?? [{ code: 0, message: `HTTP ${res.status}` }]).map((e) => ({ code: e.code ?? 0, message: e.message })) });
  }
  return { text: await res.text(), requests: Number(res.headers.get('x-terraform-requests') ?? 0), membershipsAsOf: res.headers.get('x-terraform-memberships-as-of') };
}
