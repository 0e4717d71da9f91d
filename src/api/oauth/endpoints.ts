import { request } from '../client';
import { deleteIdempotently } from '../idempotent-delete';
import { deletedSchema, listOf } from '../common-schema';
import {
  oauthClientSchema,
  oauthClientWithSecretSchema,
  oauthScopeSchema,
  rotatedSecretSchema,
  type OAuthClientInput,
} from './schema';

const base = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/oauth_clients`;
const seg = encodeURIComponent;

export function listOAuthClients(accountId: string) {
  return request(base(accountId), { schema: listOf(oauthClientSchema) });
}
export function getOAuthClient(accountId: string, clientId: string) {
  return request(`${base(accountId)}/${seg(clientId)}`, { schema: oauthClientSchema });
}
/** The response carries the secret: callers keep it in component state only, never in the query cache. */
export function createOAuthClient(accountId: string, body: OAuthClientInput) {
  return request(base(accountId), { method: 'POST', body, schema: oauthClientWithSecretSchema });
}
export function updateOAuthClient(accountId: string, clientId: string, body: OAuthClientInput & { visibility?: 'public' }) {
  return request(`${base(accountId)}/${seg(clientId)}`, { method: 'PATCH', body, schema: oauthClientSchema });
}
export function deleteOAuthClient(accountId: string, clientId: string) {
  return deleteIdempotently(clientId, () => request(`${base(accountId)}/${seg(clientId)}`, { method: 'DELETE', schema: deletedSchema }));
}
/** The response carries the new secret: callers keep it in component state only. */
export function rotateOAuthClientSecret(accountId: string, clientId: string) {
  return request(`${base(accountId)}/${seg(clientId)}/rotate_secret`, { method: 'POST', schema: rotatedSecretSchema });
}
export function deleteRotatedOAuthClientSecret(accountId: string, clientId: string) {
  return request(`${base(accountId)}/${seg(clientId)}/rotate_secret`, { method: 'DELETE', schema: deletedSchema });
}
export function listOAuthScopes() {
  return request('/oauth/scopes', { schema: listOf(oauthScopeSchema) });
}
