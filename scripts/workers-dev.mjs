// `npm run workers:dev`: the console as a Worker on this machine, fully offline — `wrangler dev`
// (workerd, a Durable Object's SQLite under .wrangler/state) behind a local Cloudflare Access
// stand-in, since the Worker serves nobody without Access. Builds the SPA into dist/ first.
// PORT (default 8787) is the console's port; the stand-in listens on PORT + 2000.
import { spawn, spawnSync } from 'node:child_process';

const port = Number(process.env.PORT ?? 8787);
const standinPort = port + 2000;
const team = 'iam-console-dev';
const audience = 'dev0access0application0aud0tag00000000000000000000000000000000000';

const build = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
function start(command, args, env) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exit(code ?? 0);
  });
}

start('node_modules/.bin/tsx', ['e2e/support/access-standin.ts'], {
  ACCESS_STANDIN_PORT: String(standinPort),
  ACCESS_STANDIN_KEY_FILE: '.wrangler/access-standin.json',
  ACCESS_STANDIN_CONSOLE_URL: `http://127.0.0.1:${port}/`,
  ACCESS_STANDIN_TEAM: team,
  ACCESS_STANDIN_AUD: audience,
});
start(
  'node_modules/.bin/wrangler',
  [
    'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(port + 3000),
    '--var', `ACCESS_TEAM_DOMAIN:${team}`, '--var', `ACCESS_AUD:${audience}`,
    '--var', `ACCESS_JWKS_URL:http://127.0.0.1:${standinPort}/cdn-cgi/access/certs`,
  ],
  { WRANGLER_SEND_METRICS: 'false' },
);
console.log(`\nSign in (as Access would): http://127.0.0.1:${standinPort}/sign-in?email=you@example.com\n`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((c) => c.kill('SIGTERM')));
