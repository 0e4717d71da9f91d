import { expect } from '@playwright/test';
import { ACCOUNT_ID, type SandboxApi } from './api.ts';

export const CLIENTS = `/accounts/${ACCOUNT_ID}/oauth_clients`;

/** A name no earlier run has used: tests share one sandbox database. */
export function uniqueName(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A confidential authorization-code client made through the API, for tests that start from one. */
export async function createClientViaApi(api: SandboxApi, overrides: Record<string, unknown> = {}) {
  const res = await api.post<{ client_id: string; client_name: string; client_secret: string }>(CLIENTS, {
    client_name: uniqueName('E2E app'),
    redirect_uris: ['https://app.example.com/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    scopes: ['dns.records.read'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...overrides,
  });
  expect(res.success, JSON.stringify(res.errors)).toBe(true);
  return res.result;
}
