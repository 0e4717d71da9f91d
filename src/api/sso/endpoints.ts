import { request } from '../client';
import { deleteIdempotently } from '../idempotent-delete';
import { deletedSchema, listOf, noResultSchema } from '../common-schema';
import { ssoConnectorSchema } from './schema';

const base = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/sso_connectors`;
const seg = encodeURIComponent;

export function listSsoConnectors(accountId: string) {
  return request(base(accountId), { schema: listOf(ssoConnectorSchema) });
}
export function getSsoConnector(accountId: string, id: string) {
  return request(`${base(accountId)}/${seg(id)}`, { schema: ssoConnectorSchema });
}
export function createSsoConnector(
  accountId: string,
  body: { email_domain: string; begin_verification?: boolean; use_fedramp_language?: boolean },
  label?: string,
) {
  return request(base(accountId), { method: 'POST', body, schema: ssoConnectorSchema, label });
}
export function updateSsoConnector(accountId: string, id: string, body: { enabled?: boolean; use_fedramp_language?: boolean }) {
  return request(`${base(accountId)}/${seg(id)}`, { method: 'PATCH', body, schema: ssoConnectorSchema });
}
export function deleteSsoConnector(accountId: string, id: string) {
  return deleteIdempotently(id, () => request(`${base(accountId)}/${seg(id)}`, { method: 'DELETE', schema: deletedSchema }));
}
export function beginSsoVerification(accountId: string, id: string) {
  return request(`${base(accountId)}/${seg(id)}/begin_verification`, { method: 'POST', schema: noResultSchema });
}
