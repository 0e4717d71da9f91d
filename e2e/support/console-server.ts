import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

/**
 * A console server of a journey's own (`server/index.ts` in a child process), for what the shared
 * servers of playwright.config.ts cannot show: live mode against a stand-in upstream, a server
 * stopped and started again on the same files. It serves the one SPA build every e2e server
 * serves, there before any test runs.
 */
export const DIST_DIR = process.env.E2E_DIST_DIR ?? 'dist';

/** A port nobody listens on now (the OS picks it), for a server started next. */
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

export interface ConsoleServer {
  port: number;
  /** What the server printed as its address ("ready at <url>"): in live mode with its one-time `?token=`. */
  launchUrl: string;
  origin: string;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Ends the process (SIGTERM, or SIGKILL to stop it as a crash would) and waits until it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a console server with `env` over this process's environment, on `port` (a free one if
 * not given: pass the same one to start it again at the same address), and waits until it says
 * it is ready.
 */
export async function startConsoleServer(env: Record<string, string>, options: { port?: number; startTimeoutMs?: number } = {}): Promise<ConsoleServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DIST_DIR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the console did not start:\n${output}`));
    }, options.startTimeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the console exited (${code}):\n${output}`));
    });
  });
  return {
    port,
    launchUrl,
    origin: new URL(launchUrl).origin,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
