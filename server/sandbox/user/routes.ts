import type { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { tokenIdOf } from '../audit-logs/actor.ts';
import { CfError, ErrorCode } from '../../http/envelope.ts';

/** The message the real API puts in `messages[]` next to a verified token. */
const VALID_TOKEN = { code: 10000, message: 'This API Token is valid and active' };

export function registerUser(api: Hono<SandboxEnv>, _deps: SandboxDeps): void {
  /**
   * Verifies the Bearer token the request carries. Any token is valid in the sandbox; its id is
   * derived from the token, so the same token always reports the same id.
   */
  api.get('/user/tokens/verify', (c) => {
    const authorization = c.req.header('authorization');
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) {
      // The global-key headers passed the credential check but cannot be "verified": this
      // endpoint is about API tokens only, as on the real API.
      throw new CfError(400, {
        code: ErrorCode.invalidHeaders,
        message:
          'Invalid request headers: /user/tokens/verify verifies an API token; send it as ' +
          '"Authorization: Bearer <token>" (X-Auth-Email and X-Auth-Key are not accepted here)',
      });
    }
    const id = tokenIdOf(token);
    return c.json({ success: true, errors: [], messages: [VALID_TOKEN], result: { id, status: 'active' } });
  });
}
