// Workers-only code outside server/runtime/workers.
import { DurableObject } from 'cloudflare:workers';

export class Store extends DurableObject {}
