/**
 * The few Workers runtime types this code uses (the full set is @cloudflare/workers-types; these
 * keep the dependency list short and the app's tsconfig unchanged).
 */
declare module 'cloudflare:workers' {
  export interface DurableObjectId {
    toString(): string;
  }
  export interface DurableObjectStub {
    fetch(request: Request): Promise<Response>;
  }
  export interface DurableObjectNamespace {
    idFromName(name: string): DurableObjectId;
    get(id: DurableObjectId): DurableObjectStub;
  }
  export interface Fetcher {
    fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  }
  export interface SqlStorageCursor extends Iterable<Record<string, unknown>> {
    toArray(): Record<string, unknown>[];
  }
  export interface DurableObjectStorage {
    sql: { exec(query: string, ...bindings: unknown[]): SqlStorageCursor };
    transactionSync<T>(fn: () => T): T;
    setAlarm(scheduledTime: number | Date): Promise<void>;
    deleteAlarm(): Promise<void>;
  }
  export interface DurableObjectState {
    storage: DurableObjectStorage;
    blockConcurrencyWhile<T>(fn: () => Promise<T>): Promise<T>;
  }
  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
    fetch?(request: Request): Response | Promise<Response>;
    alarm?(): void | Promise<void>;
  }
}
