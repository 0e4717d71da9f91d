import { createHash } from 'node:crypto';

/** Who made a request, from its credential, as the audit log names them. Never the credential itself. */
export interface AuditActor {
  id: string;
  email: string | null;
  ip: string;
  context: 'api_token' | 'api_key';
  tokenId: string | null;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/** The sandbox's id for an API token: derived from it, so the same token always has the same id. */
export function tokenIdOf(token: string): string {
  return digest(token);
}

export function actorOf(headers: Headers, ip: string): AuditActor | null {
  const token = /^Bearer (\S+)$/.exec(headers.get('authorization') ?? '')?.[1];
  if (token) {
    const tokenId = tokenIdOf(token);
    return { id: tokenId, email: null, ip, context: 'api_token', tokenId };
  }
  const email = headers.get('x-auth-email');
  if (email && headers.get('x-auth-key')) {
    // A user id derived from the email, as a real account would show the key owner's user id.
    return { id: digest(`user:${email.toLowerCase()}`), email, ip, context: 'api_key', tokenId: null };
  }
  return null;
}

/** The caller's address from the Node socket (c.env.incoming), or loopback when there is none (tests). */
export function remoteAddress(env: unknown): string {
  const socket = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
  return socket?.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
}
