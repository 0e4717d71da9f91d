import { shareEventLoopTurns } from '../../http/turn-budget.ts';
import type { RuntimeServices } from '../services.ts';
import { nodeDnsResolver } from './dns-resolver.ts';
import { createStaticHandler } from './static-files.ts';
import { timerAlarm } from './timer-alarm.ts';

/** Node's: the SPA from distDir on disk, the machine's resolver, turns shared out among connections, and a timer for scheduled ends. */
export function nodeRuntime(distDir: string): RuntimeServices {
  const serveFile = createStaticHandler(distDir);
  return {
    staticFiles: (request) => serveFile(new URL(request.url).pathname, request.headers.get('accept-encoding')),
    dnsResolver: nodeDnsResolver(),
    admission: shareEventLoopTurns(),
    alarm: timerAlarm,
  };
}
