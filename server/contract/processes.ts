/**
 * Child processes for the contract suites: Prism on the published schema (as a validating proxy
 * or as a mock upstream) and the console's own server. Shared by the Vitest contract test
 * (server/contract/contract.test.ts) and the live-mode-on-Prism e2e (e2e/prism/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is server/contract/processes.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Cloudflare's published OpenAPI, trimmed to the console's 39 operations (README.md beside it). */
export const SCHEMA_PATH = fileURLToPath(new URL('./iam-openapi.json', import.meta.url));
const PRISM_BIN = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  /** What the process printed so far (stdout and stderr, the last 64 KB), for failure messages. */
  output: () => string;
  /** The first match of the ready pattern. */
  ready: RegExpExecArray;
  stop: () => Promise<void>;
}

/**
 * Starts a process and resolves once its output matches `readyPattern`. Its output is always
 * drained (Prism logs every request; a full pipe would stall it).
 */
export function startProcess(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; readyPattern: RegExp; timeoutMs?: number; name: string },
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65_536);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise<Started>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${options.name} did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const check = () => {
      const match = options.readyPattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      resolve({ child, output: () => output, ready: match, stop });
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/**
 * Prism on the schema. `proxy`: forwards every call to `upstream` and reports what breaks the
 * schema, in the request or the answer, in the `sl-violations` response header (without
 * `--errors`, so the upstream's own status and body still come back and both sides are judged on
 * one call). `mock`: answers from the schema itself, with its examples or, with `dynamic`,
 * generated data (`-d`).
 */
export function startPrism(
  options: { port: number } & ({ mode: 'proxy'; upstream: string } | { mode: 'mock'; dynamic: boolean }),
): Promise<Started> {
  const args =
    options.mode === 'proxy'
      ? ['proxy', SCHEMA_PATH, options.upstream]
      : ['mock', SCHEMA_PATH, ...(options.dynamic ? ['-d'] : [])];
  return startProcess(PRISM_BIN, [...args, '-h', '127.0.0.1', '-p', String(options.port)], {
    name: `prism ${options.mode}`,
    readyPattern: /Prism is listening on (http:\/\/\S+)/,
    timeoutMs: 90_000,
  });
}

/**
 * The console's server (server/index.ts) as `npm start` runs it, on `port`, with `env` on top of
 * a clean environment: no live-mode credential unless `env` sets one.
 */
export function startConsoleServer(port: number, env: Record<string, string>): Promise<Started> {
  return startProcess(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    name: 'the console server',
    readyPattern: /ready at (http:\/\/\S+)/,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CLOUDFLARE_API_TOKEN: '',
      CLOUDFLARE_EMAIL: '',
      CLOUDFLARE_API_KEY: '',
      CLOUDFLARE_ACCOUNT_ID: '',
      CONSOLE_DB: ':memory:',
      ...env,
    },
  });
}
