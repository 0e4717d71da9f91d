// Inside server/runtime/workers, Workers' modules are where they belong: allowed.
import { DurableObject } from 'cloudflare:workers';

export class ConsoleObject extends DurableObject {}
