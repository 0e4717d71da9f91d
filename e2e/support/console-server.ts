import { freePort, startConsoleServer as startConsoleProcess } from '../../server/contract/processes.ts';

/**
 * A console server of a journey's own (`server/index.ts` in a child process, started by the
 * contract suites' process helper), for what the shared servers of playwright.config.ts cannot
 * show: live mode against a stand-in upstream, a server stopped and started again on the same
 * files. It serves the one SPA build every e2e server serves, there before any test runs.
 */
const DIST_DIR = process.env.E2E_DIST_DIR ?? 'dist';

export interface ConsoleServer {
  port: number;
  /** What the server printed as its address ("ready at <url>"): in live mode with its one-time `?token=`. */
  launchUrl: string;
  origin: string;
  /** Everything it printed, stdout and stderr together, from its start (none of it cut). */
  output(): string;
  /** Ends the process (SIGTERM, or SIGKILL to stop it as a crash would) and waits until it has exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * Starts a console server with `env` over a clean one (no live-mode credential, an in-memory
 * console database unless `env` says otherwise), on `port` (a free one if not given: pass the
 * same one to start it again at the same address), once it says it is ready.
 */
export async function startConsoleServer(env: Record<string, string>, options: { port?: number } = {}): Promise<ConsoleServer> {
  const port = options.port ?? (await freePort());
  const started = await startConsoleProcess(port, { DIST_DIR, ...env });
  // The process helper keeps the last 64 KB for failure messages; a search for a secret needs all of it.
  let output = started.output();
  const append = (chunk: Buffer) => (output += chunk.toString());
  started.child.stdout!.on('data', append);
  started.child.stderr!.on('data', append);
  const launchUrl = started.ready[1]!;
  return {
    port,
    launchUrl,
    origin: new URL(launchUrl).origin,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      const { child } = started;
      if (signal === 'SIGTERM' || child.exitCode !== null || child.signalCode !== null) return started.stop();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}
