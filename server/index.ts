import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openSandboxDb } from './sandbox/db/open.ts';
import { describeUpstream } from './upstream/verify.ts';

const config = loadConfig();
const db = config.upstream ? null : openSandboxDb(config.sandboxDbPath, config.seed);
const app = createApp({ config, db });

if (config.upstream) {
  console.log(await describeUpstream(config.upstream));
} else {
  console.log(`Sandbox mode: ${config.sandboxDbPath} (seed: ${config.seed})`);
}

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  console.log(`IAM Console ready at http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${info.port}/`);
});

function shutdown() {
  server.close();
  db?.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
