import { getRequestListener } from '@hono/node-server';
import { createServer } from 'node:http';
import { createServer as createViteServer } from 'vite';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openSandboxDb } from './sandbox/db/open.ts';

/** `npm run dev`: Vite with hot reload for the SPA, the same API and server routes as `npm start`. */
const config = loadConfig();
const db = config.upstream ? null : openSandboxDb(config.sandboxDbPath, config.seed);
const api = getRequestListener(createApp({ config, db, serveSpa: false }).fetch);
const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'spa' });
const SERVER_PREFIXES = ['/client/v4/', '/console-api/', '/__sandbox/'];

createServer((req, res) => {
  if (SERVER_PREFIXES.some((prefix) => req.url?.startsWith(prefix))) return void api(req, res);
  vite.middlewares(req, res);
}).listen(config.port, config.host, () => {
  console.log(`IAM Console (dev) ready at http://${config.host}:${config.port}/`);
});
