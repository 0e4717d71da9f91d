/**
 * `npm run bench`: runs every benchmark module in turn and prints its numbers. Benchmarks only
 * measure and report; nothing here passes or fails on a timing.
 *
 * Add a benchmark by adding a line below; `npm run bench -- <name> …` runs only the ones named.
 */
interface BenchModule {
  run: () => Promise<void>;
}

const benches: Array<{ name: string; load: () => Promise<BenchModule> }> = [
  { name: 'user-groups', load: () => import('./user-groups.ts') },
  { name: 'bundle-size', load: () => import('./bundle-size.ts') },
  { name: 'lighthouse', load: () => import('./lighthouse.ts') },
  { name: 'requests-per-navigation', load: () => import('./requests-per-navigation.ts') },
  { name: 'api-throughput', load: () => import('./api-throughput.ts') },
  { name: 'api-scale', load: () => import('./api-scale.ts') },
  { name: 'members', load: () => import('./members.ts') },
  { name: 'history', load: () => import('./history.ts') },
  { name: 'findings', load: () => import('./findings.ts') },
  { name: 'terraform', load: () => import('./terraform.ts') },
  { name: 'runtime-throughput', load: () => import('./runtime-throughput.ts') },
];

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = only.filter((name) => !benches.some((b) => b.name === name));
if (unknown.length) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Known: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

for (const bench of benches) {
  if (only.length && !only.includes(bench.name)) continue;
  console.log(`\n━━ ${bench.name} ━━`);
  const started = performance.now();
  await (await bench.load()).run();
  console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
