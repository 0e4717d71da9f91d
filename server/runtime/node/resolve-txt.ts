import { Resolver } from 'node:dns/promises';
import type { ResolveTxt } from '../../sandbox/routes/dns-precheck.ts';

/** Node's DNS pre-check lookups: the machine's resolver, bounded so a silent one cannot hold a request open. */
export function nodeResolveTxt(): ResolveTxt {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  return (name) => resolver.resolveTxt(name);
}
