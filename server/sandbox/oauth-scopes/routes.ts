import type { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import type { Db } from '../db/open.ts';
import { ok } from '../../http/envelope.ts';

export interface OAuthScopeRow {
  id: string;
  name: string;
  category: string | null;
  scopes: string;
  position: number;
}

export function oauthScopeResource(row: OAuthScopeRow) {
  return {
    id: row.id,
    name: row.name,
    ...(row.category ? { category: row.category } : {}),
    scopes: JSON.parse(row.scopes) as string[],
  };
}

/** The catalogue's ids: what a client's dot-delimited scopes are validated against. */
export function oauthScopeIds(db: Db): Set<string> {
  return new Set((db.prepare('SELECT id FROM oauth_scopes').all() as Array<{ id: string }>).map((r) => r.id));
}

/** GET /oauth/scopes — not under /accounts: the catalogue is Cloudflare's, the same for everyone. */
export function registerOAuthScopes(api: Hono<SandboxEnv>, { db }: SandboxDeps): void {
  api.get('/oauth/scopes', (c) => {
    const rows = db.prepare('SELECT * FROM oauth_scopes ORDER BY position, id').all() as OAuthScopeRow[];
    // SyncSinglePage: the whole catalogue in one page, no result_info.
    return ok(c, rows.map(oauthScopeResource));
  });
}
