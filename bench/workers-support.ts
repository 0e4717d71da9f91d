import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_STANDIN, signAccessToken } from '../e2e/support/access-token.ts';
import { buildOnce, waitUntilUp, type ConsoleServer } from './hardening-support.ts';
import { freePort } from './support.ts';

/**
 * The console as a Worker for the benches: `wrangler dev` (workerd, a Durable Object's SQLite on
 * a temp dir, the SPA from static assets) behind the local Access stand-in, on a fresh sandbox.
 * `headers` carries a signed-in admin's Access token, which every request needs.
 */
const ROOT = new URL('..', import.meta.url).pathname;

export interface WorkersConsole extends ConsoleServer {
  headers: Record<string, string>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `vars` are the Worker's settings beyond Access (e.g. SANDBOX_RATE_LIMIT), as `--var` on the command line. */
export async function startWorkersConsole(extraVars: Record<string, string> = {}): Promise<WorkersConsole> {
  const dir = mkdtempSync(join(tmpdir(), 'iam-bench-workers-'));
  const [port, standinPort, inspectorPort] = [await freePort(), await freePort(), await freePort()];
  const keyFile = join(dir, 'access-key.json');
  const standin = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'e2e/support/access-standin.ts')], {
    cwd: ROOT,
    env: { ...process.env, ACCESS_STANDIN_PORT: String(standinPort), ACCESS_STANDIN_KEY_FILE: keyFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const vars = {
    ACCESS_TEAM_DOMAIN: ACCESS_STANDIN.teamDomain,
    ACCESS_AUD: ACCESS_STANDIN.audience,
    ACCESS_JWKS_URL: `http://127.0.0.1:${standinPort}/cdn-cgi/access/certs`,
    SANDBOX_SEED: 'default',
    ...extraVars,
  };
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort)];
  args.push('--assets', buildOnce(), '--persist-to', join(dir, 'state'), '--log-level', 'error');
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  const wrangler = spawn(join(ROOT, 'node_modules/.bin/wrangler'), args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_API_TOKEN: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await Promise.all([stopChild(wrangler), stopChild(standin)]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(`http://127.0.0.1:${standinPort}/cdn-cgi/access/certs`, standin, 'the Access stand-in');
    await waitUntilUp(`${baseUrl}/console-api/mode`, wrangler, 'wrangler dev');
    const token = await signAccessToken({ keyFile, email: 'bench@acme.example' });
    return { baseUrl, headers: { 'cf-access-jwt-assertion': token }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
