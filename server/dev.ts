import { getRequestListener } from '@hono/node-server';
import { createServer } from 'node:http';
import { createServer as createViteServer } from 'vite';
import { createApp } from './runtime/node/app.ts';
import { loadConfig } from './config.ts';
import { log, registerConfiguredSecrets, registerSecret } from './log.ts';
import { openSandboxDb } from './runtime/node/open-sandbox-db.ts';
import { openConsoleStore } from './runtime/node/open-console-store.ts';
import { createLiveSession, launchUrl } from './security/session.ts';

/** `npm run dev`: Vite with hot reload for the SPA, the same API and server routes as `npm start`. */
registerConfiguredSecrets();
const config = loadConfig();
const session = config.upstream ? createLiveSession(config.port) : undefined;
registerSecret(session?.token, session?.cookieValue);
const db = config.upstream ? null : openSandboxDb(config.sandboxDbPath, config.seed);
const consoleStorage = openConsoleStore(config.consoleDbPath);
const api = getRequestListener(createApp({ config, db, consoleStorage, serveSpa: false, session }).fetch);
const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'spa' });
const SERVER_PREFIXES = ['/client/v4/', '/console-api/', '/__sandbox/'];

createServer((req, res) => {
  // The live-mode launch URL (?token=…) goes to the server too: it sets the session cookie.
  const forServer = SERVER_PREFIXES.some((prefix) => req.url?.startsWith(prefix)) || /[?&]token=/.test(req.url ?? '');
  if (forServer) return void api(req, res);
  vite.middlewares(req, res);
}).listen(config.port, config.host, () => {
  const base = `http://${config.host}:${config.port}`;
  // As in index.ts: the live-mode launch URL is the one line printed with its secret, on purpose.
  if (session) process.stdout.write(`IAM Console (dev) ready at ${launchUrl(base, session)}\n`);
  else log.info(`IAM Console (dev) ready at ${base}/`);
});
