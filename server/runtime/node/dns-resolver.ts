import { Resolver } from 'node:dns/promises';
import type { LiveResolver } from '../../dns/resolver.ts';

/** Node's DNS pre-check lookups: the machine's resolver, bounded so a silent one cannot hold a request open. */
export function nodeDnsResolver(): LiveResolver {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  return {
    resolveTxt: (name) => resolver.resolveTxt(name),
    resolveSoa: (name) => resolver.resolveSoa(name),
    resolveNs: (name) => resolver.resolveNs(name),
  };
}
