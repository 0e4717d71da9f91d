import { writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { ACCESS_STANDIN, signAccessToken } from './access-token.ts';

/**
 * A local stand-in for a Cloudflare Access team, for `npm run workers:dev` and the Workers e2e
 * run (the real team is on the internet; these run offline). It publishes a fresh RS256 key at
 * the team's certs path, writes the private half to ACCESS_STANDIN_KEY_FILE for tests that sign
 * their own tokens, and `/sign-in?email=…` sets a CF_Authorization cookie (cookies ignore ports,
 * so the console on 127.0.0.1 gets it) and sends the browser on, as Access's login does.
 */
const port = Number(process.env.ACCESS_STANDIN_PORT ?? 6218);
const keyFile = process.env.ACCESS_STANDIN_KEY_FILE ?? `.e2e/access-standin-${port}.json`;
const consoleUrl = process.env.ACCESS_STANDIN_CONSOLE_URL ?? 'http://127.0.0.1:8787/';

const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
const kid = `standin-${Date.now()}`;
const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
mkdirSync(dirname(keyFile), { recursive: true });
writeFileSync(keyFile, JSON.stringify({ kid, privateJwk: await exportJWK(privateKey) }), { mode: 0o600 });

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname === '/cdn-cgi/access/certs') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
  } else if (url.pathname === '/sign-in') {
    const email = url.searchParams.get('email') ?? 'admin@example.com';
    const token = await signAccessToken({ keyFile, email });
    res.writeHead(302, { 'set-cookie': `CF_Authorization=${token}; Path=/; HttpOnly; SameSite=Lax`, location: consoleUrl }).end();
  } else {
    res.writeHead(404).end();
  }
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Access stand-in for ${ACCESS_STANDIN.issuer} on http://127.0.0.1:${port} (sign in: /sign-in?email=you@example.com)\n`);
});
