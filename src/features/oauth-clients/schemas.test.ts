import { describe, expect, it } from 'vitest';
import type { OAuthClient } from '@/api/oauth/schema';
import {
  clientFormSchema,
  emptyFormValues,
  hasClientSecret,
  formValuesFromClient,
  managedScopesFor,
  pointerOf,
  scopeProblem,
  toCreateBody,
  toUpdateBody,
  validateClientForm,
  type ClientFormValues,
} from './schemas';

const catalogue = new Set(['dns.records.read', 'zone.read', 'account.read']);

function valid(overrides: Partial<ClientFormValues> = {}): ClientFormValues {
  return {
    ...emptyFormValues(),
    client_name: 'Acme deploy bot',
    redirect_uris: ['https://app.example.com/callback'],
    scopes: ['dns.records.read'],
    ...overrides,
  };
}

function errorsOf(values: ClientFormValues) {
  const result = validateClientForm(values, catalogue);
  return result.ok ? {} : result.errors;
}

describe('validateClientForm', () => {
  it('accepts a complete client and returns it normalised', () => {
    const result = validateClientForm(
      valid({ client_name: '  Acme  ', redirect_uris: [' https://app.example.com/cb '], client_uri: 'https://app.example.com ' }),
      catalogue,
    );
    expect(result).toEqual({
      ok: true,
      values: expect.objectContaining({
        client_name: 'Acme',
        redirect_uris: ['https://app.example.com/cb'],
        client_uri: 'https://app.example.com',
      }),
    });
  });

  it('requires a name, at most 100 characters', () => {
    expect(errorsOf(valid({ client_name: '   ' }))['/client_name']).toMatch(/name/i);
    expect(errorsOf(valid({ client_name: 'x'.repeat(101) }))['/client_name']).toMatch(/100/);
    expect(errorsOf(valid({ client_name: 'x'.repeat(100) }))['/client_name']).toBeUndefined();
  });

  it('requires at least one redirect URI and points at the list', () => {
    expect(errorsOf(valid({ redirect_uris: [] }))).toEqual({ '/redirect_uris': 'Add at least one redirect URI.' });
  });

  it('points each bad redirect URI at its own row', () => {
    const errors = errorsOf(
      valid({
        redirect_uris: [
          'https://ok.example.com/cb',
          'javascript:alert(1)',
          'http://app.example.com/cb',
          'data:text/html,hi',
          'https://app.example.com/cb#frag',
          '',
          'https://ok.example.com/cb',
        ],
      }),
    );
    expect(errors['/redirect_uris/0']).toBeUndefined();
    expect(errors['/redirect_uris/1']).toMatch(/javascript: scheme is not allowed/);
    expect(errors['/redirect_uris/2']).toMatch(/https/);
    expect(errors['/redirect_uris/3']).toMatch(/data: scheme is not allowed/);
    expect(errors['/redirect_uris/4']).toMatch(/fragment/);
    expect(errors['/redirect_uris/5']).toMatch(/Enter a URL or remove this row/);
    expect(errors['/redirect_uris/6']).toMatch(/Duplicate of entry 1/);
  });

  it('allows http only for loopback hosts, and only in redirect URIs and origins', () => {
    expect(errorsOf(valid({ redirect_uris: ['http://localhost:3000/cb', 'http://127.0.0.1/cb', 'http://[::1]:8080/cb'] }))).toEqual({});
    expect(errorsOf(valid({ allowed_cors_origins: ['http://localhost:5173'] }))).toEqual({});
    expect(errorsOf(valid({ client_uri: 'http://localhost:3000' }))['/client_uri']).toMatch(/https/);
    expect(errorsOf(valid({ redirect_uris: ['http://localhost.evil.com/cb'] }))['/redirect_uris/0']).toMatch(/https/);
  });

  it('refuses relative URLs, credentials and spaces', () => {
    expect(errorsOf(valid({ redirect_uris: ['/callback'] }))['/redirect_uris/0']).toMatch(/absolute/);
    expect(errorsOf(valid({ redirect_uris: ['https://user:pw@app.example.com/cb'] }))['/redirect_uris/0']).toMatch(/user name/);
    // Inner spaces survive trimming and are refused.
    expect(errorsOf(valid({ redirect_uris: ['https://app.example.com/a b'] }))['/redirect_uris/0']).toMatch(/spaces/);
  });

  it('accepts CORS origins only as bare origins', () => {
    const errors = errorsOf(
      valid({ allowed_cors_origins: ['https://app.example.com', 'https://app.example.com/', 'https://app.example.com/path', 'https://APP.example.com'] }),
    );
    expect(errors['/allowed_cors_origins/0']).toBeUndefined();
    expect(errors['/allowed_cors_origins/1']).toMatch(/origin/);
    expect(errors['/allowed_cors_origins/2']).toMatch(/origin/);
    expect(errors['/allowed_cors_origins/3']).toMatch(/https:\/\/app\.example\.com/);
  });

  it('checks post-logout URIs like redirect URIs, and allows none', () => {
    expect(errorsOf(valid({ post_logout_redirect_uris: [] }))).toEqual({});
    expect(errorsOf(valid({ post_logout_redirect_uris: ['vbscript:x'] }))['/post_logout_redirect_uris/0']).toMatch(/vbscript/);
  });

  it('treats page URIs as optional but https when set', () => {
    expect(errorsOf(valid({ logo_uri: '', policy_uri: '', tos_uri: '' }))).toEqual({});
    expect(errorsOf(valid({ logo_uri: 'data:image/png;base64,AAAA' }))['/logo_uri']).toMatch(/data:/);
    expect(errorsOf(valid({ tos_uri: 'ftp://example.com/tos' }))['/tos_uri']).toMatch(/https/);
    expect(errorsOf(valid({ policy_uri: 'https://example.com/privacy' }))).toEqual({});
  });

  it('requires authorization_code among the grant types', () => {
    expect(errorsOf(valid({ grant_types: ['refresh_token'] }))['/grant_types']).toMatch(/authorization_code is required/);
    expect(errorsOf(valid({ grant_types: ['authorization_code', 'refresh_token'] }))).toEqual({});
  });

  it('requires at least one response type', () => {
    expect(errorsOf(valid({ response_types: [] }))['/response_types']).toMatch(/at least one/);
  });

  it('refuses colon-delimited and unknown scopes at their index', () => {
    const errors = errorsOf(valid({ scopes: ['dns.records.read', 'dns:records:read', 'made.up', 'profile', 'banana'] }));
    expect(errors['/scopes/0']).toBeUndefined();
    expect(errors['/scopes/1']).toMatch(/Colon-delimited.*dns\.records\.read/);
    expect(errors['/scopes/2']).toMatch(/not an available OAuth scope/);
    expect(errors['/scopes/3']).toBeUndefined();
    expect(errors['/scopes/4']).toMatch(/neither/);
  });

  it('drops the managed protocol scopes instead of sending them by hand', () => {
    const result = validateClientForm(valid({ scopes: ['openid', 'dns.records.read', 'offline_access'] }), catalogue);
    expect(result.ok && result.values.scopes).toEqual(['dns.records.read']);
  });

  it('keeps optional scopes within the selection and refuses protocol scopes as optional', () => {
    const result = validateClientForm(valid({ scopes: ['dns.records.read'], optional_scopes: ['dns.records.read', 'zone.read'] }), catalogue);
    expect(result.ok && result.values.optional_scopes).toEqual(['dns.records.read']);
    const raw = clientFormSchema(catalogue).safeParse({ ...valid(), scopes: ['dns.records.read'], optional_scopes: ['offline', 'zone.read'] });
    expect(raw.success).toBe(false);
    const paths = raw.error?.issues.map((i) => pointerOf(i.path));
    expect(paths).toEqual(['/optional_scopes/0', '/optional_scopes/1']);
  });

  it('checks scopes without a catalogue only by shape', () => {
    expect(scopeProblem('anything.dotted')).toBeNull();
    expect(scopeProblem('a:b')).toMatch(/Colon/);
  });
});

describe('bodies', () => {
  const client: OAuthClient = {
    client_id: 'c'.repeat(32),
    visibility: 'private',
    client_name: 'Acme',
    client_uri: 'https://app.example.com',
    redirect_uris: ['https://app.example.com/cb'],
    post_logout_redirect_uris: [],
    allowed_cors_origins: [],
    grant_types: ['refresh_token', 'authorization_code'],
    response_types: ['code', 'id_token'],
    token_endpoint_auth_method: 'client_secret_post',
    scopes: ['dns.records.read', 'openid', 'offline_access'],
    optional_scopes: [],
    has_rotated_secret: false,
  };

  it('reads a client into form values without the managed scopes, in canonical order', () => {
    const values = formValuesFromClient(client);
    expect(values.scopes).toEqual(['dns.records.read']);
    expect(values.grant_types).toEqual(['authorization_code', 'refresh_token']);
    expect(values.logo_uri).toBe('');
    expect(managedScopesFor(values)).toEqual({ openid: true, offline_access: true });
  });

  it('leaves unset URIs out of the create body', () => {
    const body = toCreateBody(valid({ logo_uri: 'https://cdn.example.com/logo.png' }));
    expect(body).not.toHaveProperty('client_uri');
    expect(body.logo_uri).toBe('https://cdn.example.com/logo.png');
    expect(body.grant_types).toEqual(['authorization_code']);
  });

  it('sends only what changed on update, clears a URI with an empty string, and scopes with optional scopes', () => {
    const original = formValuesFromClient(client);
    expect(toUpdateBody(original, original)).toEqual({});
    expect(toUpdateBody({ ...original, client_name: 'Acme 2' }, original)).toEqual({ client_name: 'Acme 2' });
    expect(toUpdateBody({ ...original, client_uri: '' }, original)).toEqual({ client_uri: '' });
    expect(toUpdateBody({ ...original, scopes: ['dns.records.read', 'zone.read'] }, original)).toEqual({
      scopes: ['dns.records.read', 'zone.read'],
      optional_scopes: [],
    });
  });
});


describe('hasClientSecret', () => {
  it('a public client (auth method none) has no secret to show or rotate; the others, and the default, do', () => {
    expect(hasClientSecret({ token_endpoint_auth_method: 'none' })).toBe(false);
    expect(hasClientSecret({ token_endpoint_auth_method: 'client_secret_basic' })).toBe(true);
    expect(hasClientSecret({ token_endpoint_auth_method: 'client_secret_post' })).toBe(true);
    expect(hasClientSecret({})).toBe(true);
  });
});
