import { serve } from '@hono/node-server';
import { createApp } from './runtime/node/app.ts';
import { loadConfig } from './config.ts';
import { log, registerConfiguredSecrets, registerSecret } from './log.ts';
import { openSandboxDb } from './runtime/node/open-sandbox-db.ts';
import { openConsoleStore } from './runtime/node/open-console-store.ts';
import { createLiveSession, displayHost, launchUrl } from './security/session.ts';
import { describeUpstream, type CredentialCheck } from './upstream/verify.ts';
import { startOverIfChanged } from './console/store-identity.ts';
import { nodeStoreIdentity } from './runtime/node/store-identity.ts';

registerConfiguredSecrets();
const config = loadConfig();
// Live mode: a new secret every launch, handed to the admin in the printed URL only.
const session = config.upstream ? createLiveSession(config.port) : undefined;
registerSecret(session?.token, session?.cookieValue);

let app: ReturnType<typeof createApp>;
/** Live mode: what the start-up check learned of the credential (set before the server listens). */
let credential: CredentialCheck | null = null;
const db = config.upstream ? null : openSandboxDb(config.sandboxDbPath, config.seed);
const consoleStorage = openConsoleStore(config.consoleDbPath);
const startedOver = startOverIfChanged(consoleStorage, nodeStoreIdentity(config));
if (startedOver?.described) {
  log.info(`Console store ${config.consoleDbPath} described other data (${startedOver.described}); starting over for ${startedOver.describes}: membership index, change journal and dismissals cleared`);
}
try {
  app = createApp({ config, db, consoleStorage, session, credentialCheck: () => credential });
} catch (error) {
  log.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (config.upstream) {
  const described = await describeUpstream(config.upstream);
  credential = described.credential;
  log.info(described.line);
} else {
  log.info(`Sandbox mode: ${config.sandboxDbPath} (seed: ${config.seed})${config.sandboxFaults ? `, faults: ${config.sandboxFaults}` : ''}`);
}

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const base = `http://${displayHost(config.host)}:${info.port}`;
  if (session) {
    // The one line deliberately printed with a secret in it, bypassing the redacting logger: it is
    // how the admin gets in (as a notebook server prints its token URL). It never goes to a log file.
    process.stdout.write(`IAM Console ready at ${launchUrl(base, session)}\n`);
  } else {
    log.info(`IAM Console ready at ${base}/`);
  }
});

function shutdown() {
  server.close();
  db?.close();
  consoleStorage.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
