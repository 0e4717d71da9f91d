import { describe, expect, it } from 'vitest';
import { routePreloads, withModulePreloads, type Manifest } from './route-preloads.ts';

// The shape Vite writes (dist/.vite/manifest.json) for TanStack Router's code-split routes.
const manifest: Manifest = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_framework.js'] },
  '_framework.js': { file: 'assets/framework-1.js' },
  '_table.js': { file: 'assets/table-1.js', imports: ['_framework.js', '_badge.js'] },
  '_badge.js': { file: 'assets/badge-1.js' },
  'src/routes/accounts/$accountId/route.tsx?tsr-split=component---loader': { file: 'assets/route-1.js', imports: ['_framework.js'] },
  'src/routes/accounts/$accountId/route.tsx?tsr-split=errorComponent---notFoundComponent---pendingComponent': { file: 'assets/route-err.js' },
  'src/routes/accounts/$accountId/groups/index.tsx?tsr-split=component---loader': { file: 'assets/groups-1.js', imports: ['_table.js'] },
  'src/routes/accounts/$accountId/groups/$groupId.tsx?tsr-split=component---loader': { file: 'assets/groupId-1.js' },
  'src/routes/accounts/$accountId/groups/$groupId/policies.tsx?tsr-split=component---loader': { file: 'assets/policies-1.js', imports: ['_badge.js'] },
  'src/routes/accounts/$accountId/index.tsx?tsr-split=component---loader': { file: 'assets/findings-1.js' },
  'src/routes/$.tsx?tsr-split=component---loader': { file: 'assets/splat-1.js' },
};
const preloads = routePreloads(manifest);
const ACCOUNT = '/accounts/023e105f4ecef8ad9ca31a8372d0c353';

describe("a page's own chunks, preloaded from index.html", () => {
  it('the list: the account layout, the index route and what they import, nothing of the first load', () => {
    expect(preloads(`${ACCOUNT}/groups`).sort()).toEqual(['assets/badge-1.js', 'assets/groups-1.js', 'assets/route-1.js', 'assets/table-1.js']);
  });

  it('a nested page: every layout above it, not the sibling index routes', () => {
    expect(preloads(`${ACCOUNT}/groups/4f5e6d7c8b9a0f1e2d3c4b5a69788796/policies`).sort()).toEqual([
      'assets/badge-1.js',
      'assets/groupId-1.js',
      'assets/policies-1.js',
      'assets/route-1.js',
    ]);
  });

  it("the account's home is its index route; an unknown address preloads nothing of a page", () => {
    expect(preloads(`${ACCOUNT}/`).sort()).toEqual(['assets/findings-1.js', 'assets/route-1.js']);
    expect(preloads('/no/such/page')).toEqual([]);
  });

  it('adds the links before </head>, and leaves the page alone with none', () => {
    const html = '<html><head><title>IAM Console</title></head><body></body></html>';
    expect(withModulePreloads(html, ['assets/groups-1.js'])).toContain('<link rel="modulepreload" crossorigin href="/assets/groups-1.js" />\n  </head>');
    expect(withModulePreloads(html, [])).toBe(html);
  });
});
