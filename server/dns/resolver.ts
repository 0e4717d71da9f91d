export type ResolveTxt = (name: string) => Promise<string[][]>;

/** The three lookups live mode makes; they come from the runtime (server/runtime/): node:dns on Node, DNS over HTTPS on Workers. */
export interface LiveResolver {
  resolveTxt: ResolveTxt;
  /** Resolves when `name` has an SOA record (is a zone apex); rejects with ENODATA/ENOTFOUND if not. */
  resolveSoa: (name: string) => Promise<unknown>;
  resolveNs: (name: string) => Promise<string[]>;
}
