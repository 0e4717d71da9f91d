import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import {
  beginSsoVerification,
  createSsoConnector,
  deleteSsoConnector,
  updateSsoConnector,
} from '@/api/sso/endpoints';
import { ssoConnectorsQuery, ssoKeys } from '@/api/sso/queries';
import type { SsoConnector } from '@/api/sso/schema';
import { dnsKeys, deleteSandboxDnsRecord, publishSandboxTxtRecord } from '@/api/dns';

export interface CreateConnectorInput {
  email_domain: string;
  use_fedramp_language: boolean;
  /**
   * Set when the previous attempt failed without a clear answer (network error, 5xx): it may have
   * created the connector anyway, so look for it before creating another.
   */
  resumeIfExists: boolean;
}

/**
 * Creates a connector without starting verification (`begin_verification: false`): the record is
 * published and pre-checked first, so Cloudflare's two-day clock does not start on an empty name.
 */
export function useCreateSsoConnector(accountId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async (input: CreateConnectorInput): Promise<{ connector: SsoConnector; resumed: boolean }> => {
      if (input.resumeIfExists) {
        // Part of a write the admin is waiting on: no hidden retry behind a Retry-After (a 429
        // here once held the create for 45 s, then sent it after the admin had left the page).
        const existing = (await queryClient.fetchQuery({ ...ssoConnectorsQuery(accountId), staleTime: 0, retry: false })).find(
          (c) => c.email_domain === input.email_domain,
        );
        if (existing) return { connector: existing, resumed: true };
      }
      const { result } = await createSsoConnector(
        accountId,
        { email_domain: input.email_domain, use_fedramp_language: input.use_fedramp_language, begin_verification: false },
        `Create connector ${input.email_domain}`,
      );
      return { connector: result, resumed: false };
    },
    onSuccess: ({ connector }) => {
      queryClient.setQueryData(ssoKeys.detail(accountId, connector.id), connector);
      return queryClient.invalidateQueries({ queryKey: ssoKeys.list(accountId) });
    },
  });
}

export function useUpdateSsoConnector(accountId: string, connectorId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async (body: { enabled?: boolean; use_fedramp_language?: boolean }) =>
      (await updateSsoConnector(accountId, connectorId, body)).result,
    onSuccess: (connector) => {
      queryClient.setQueryData(ssoKeys.detail(accountId, connectorId), connector);
      return queryClient.invalidateQueries({ queryKey: ssoKeys.list(accountId) });
    },
  });
}

export function useDeleteSsoConnector(accountId: string, connectorId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => deleteSsoConnector(accountId, connectorId),
    // The detail stays cached: its page is still mounted and would refetch a 404 (an error page
    // after a successful delete). The caller leaves the page, then calls forgetDeletedConnector.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ssoKeys.list(accountId) }),
  });
}

export function forgetDeletedConnector(queryClient: QueryClient, accountId: string, connectorId: string) {
  queryClient.removeQueries({ queryKey: ssoKeys.detail(accountId, connectorId) });
}

/**
 * Starts (or restarts, after a failure) Cloudflare's check of the TXT record. The call answers no
 * connector, so the detail is refetched before the mutation settles: the wizard moves to the
 * verify step once, with the server's own status.
 */
export function useBeginVerification(accountId: string, connectorId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => beginSsoVerification(accountId, connectorId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ssoKeys.detail(accountId, connectorId) }),
        queryClient.invalidateQueries({ queryKey: ssoKeys.list(accountId) }),
      ]),
  });
}

/** Sandbox only: what a person does at their DNS provider. Every DNS read is stale afterwards. */
export function usePublishSandboxTxt() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: publishSandboxTxtRecord,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dnsKeys.all }),
  });
}

export function useDeleteSandboxDnsRecord() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: deleteSandboxDnsRecord,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dnsKeys.all }),
  });
}
