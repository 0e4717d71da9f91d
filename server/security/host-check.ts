import type { MiddlewareHandler } from 'hono';
import { refuse, SecurityCode } from './refuse.ts';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The host names this server answers to: loopback, plus the interface it was told to bind (HOST). */
export function ownHostnames(configHost: string): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const host = configHost.trim().toLowerCase();
  if (host && host !== '0.0.0.0' && host !== '::') names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return names;
}

/** Splits a Host header into name and port; null when it is not a plain `name[:port]`. */
export function parseHost(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), port: match[2] === undefined ? null : Number(match[2]) };
}

/** The port this connection really arrived on (Node server), else the configured one (in-process tests). */
export function localPort(env: unknown, configPort: number): number {
  const port = (env as { incoming?: { socket?: { localPort?: number } } } | undefined)?.incoming?.socket?.localPort;
  return typeof port === 'number' && port > 0 ? port : configPort;
}

export function isOwnHost(header: string, names: Set<string>, port: number): boolean {
  const host = parseHost(header);
  if (!host || !names.has(host.name)) return false;
  return (host.port ?? 80) === port;
}

/**
 * DNS rebinding: a page on evil.example re-points its name at 127.0.0.1 and then calls this server
 * "same-origin". The browser still sends `Host: evil.example:<port>`, so anything but our own
 * names on our own port is refused — for every path. A request with no Host at all cannot come
 * from a browser (HTTP/1.1 browsers always send it) and is let through.
 */
export function hostCheck(options: { configHost: string; configPort: number }): MiddlewareHandler {
  const names = ownHostnames(options.configHost);
  return async (c, next) => {
    const header = c.req.header('host');
    if (header !== undefined && !isOwnHost(header, names, localPort(c.env, options.configPort))) {
      return refuse(
        c,
        403,
        SecurityCode.foreignHost,
        `Refused: this console answers only at 127.0.0.1, localhost or [::1] on its own port, not at "${header.slice(0, 100)}"`,
      );
    }
    await next();
  };
}
