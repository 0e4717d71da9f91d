import type { WorkerEnv } from './env.ts';
import { routeToObject } from './route.ts';

/** The Worker entry (wrangler.jsonc `main`): every request goes to a ConsoleObject (route.ts). */
export { ConsoleObject } from './console-object.ts';

export default {
  fetch: (request: Request, env: WorkerEnv): Promise<Response> => routeToObject(request, env),
};
