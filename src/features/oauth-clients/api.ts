import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '@/api/use-guarded-mutation';
import {
  createOAuthClient,
  deleteOAuthClient,
  deleteRotatedOAuthClientSecret,
  rotateOAuthClientSecret,
  updateOAuthClient,
} from '@/api/oauth/endpoints';
import { oauthClientKeys } from '@/api/oauth/queries';
import type { OAuthClient, OAuthClientInput } from '@/api/oauth/schema';

/**
 * Mutations for OAuth clients. The two that receive a secret (create, rotate) hand it to a
 * callback inside mutationFn and return nothing that carries it, so the secret never reaches the
 * mutation cache, the query cache or devtools; gcTime 0 drops even the secret-free result as soon
 * as the page stops watching it.
 */

function putClient(queryClient: QueryClient, accountId: string, client: OAuthClient) {
  queryClient.setQueryData(oauthClientKeys.detail(accountId, client.client_id), client);
  queryClient.setQueryData<OAuthClient[]>(oauthClientKeys.list(accountId), (list) => {
    if (!list) return list;
    return list.some((c) => c.client_id === client.client_id)
      ? list.map((c) => (c.client_id === client.client_id ? client : c))
      : [...list, client];
  });
}

function patchClient(queryClient: QueryClient, accountId: string, clientId: string, patch: Partial<OAuthClient>) {
  queryClient.setQueryData<OAuthClient>(oauthClientKeys.detail(accountId, clientId), (c) => (c ? { ...c, ...patch } : c));
  queryClient.setQueryData<OAuthClient[]>(oauthClientKeys.list(accountId), (list) =>
    list?.map((c) => (c.client_id === clientId ? { ...c, ...patch } : c)),
  );
}

export function useCreateOAuthClient(accountId: string, onSecret: (secret: string, client: OAuthClient) => void) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    gcTime: 0,
    mutationFn: async (body: OAuthClientInput): Promise<OAuthClient> => {
      const { client_secret, ...client } = (await createOAuthClient(accountId, body)).result;
      onSecret(client_secret, client);
      return client;
    },
    onSuccess: (client) => putClient(queryClient, accountId, client),
  });
}

export function useUpdateOAuthClient(accountId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async (body: OAuthClientInput & { visibility?: 'public' }) =>
      (await updateOAuthClient(accountId, clientId, body)).result,
    onSuccess: (client) => putClient(queryClient, accountId, client),
  });
}

export function useDeleteOAuthClient(accountId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async () => (await deleteOAuthClient(accountId, clientId)).result,
    onSuccess: () => {
      queryClient.setQueryData<OAuthClient[]>(oauthClientKeys.list(accountId), (list) =>
        list?.filter((c) => c.client_id !== clientId),
      );
      // Not removed here: the detail page is still mounted and would refetch a 404. The caller
      // navigates away first, then calls forgetDeletedClient.
    },
  });
}

export function forgetDeletedClient(queryClient: QueryClient, accountId: string, clientId: string) {
  queryClient.removeQueries({ queryKey: oauthClientKeys.detail(accountId, clientId) });
}

export function useRotateSecret(accountId: string, clientId: string, onSecret: (secret: string) => void) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    gcTime: 0,
    mutationFn: async (): Promise<void> => {
      const { client_secret } = (await rotateOAuthClientSecret(accountId, clientId)).result;
      onSecret(client_secret);
    },
    onSuccess: async () => {
      // The answer carries only the secret; what we know for sure goes in at once, the rest is refetched.
      patchClient(queryClient, accountId, clientId, { has_rotated_secret: true });
      await queryClient.invalidateQueries({ queryKey: oauthClientKeys.detail(accountId, clientId) });
    },
  });
}

export function useRevokeRotatedSecret(accountId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async () => (await deleteRotatedOAuthClientSecret(accountId, clientId)).result,
    onSuccess: async () => {
      patchClient(queryClient, accountId, clientId, { has_rotated_secret: false });
      await queryClient.invalidateQueries({ queryKey: oauthClientKeys.detail(accountId, clientId) });
    },
  });
}
