import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './eslint-rules/index.js';

/**
 * Runtime-specific packages. Node's built-ins and drivers belong in server/runtime/node, except the
 * few the Worker has too (wrangler.jsonc turns on nodejs_compat) that the shared code uses.
 */
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'http', 'https', 'http2', 'net', 'tls', 'dns', 'dns/promises', 'os', 'child_process', 'worker_threads', 'cluster', 'v8', 'vm', 'readline', 'module', 'process', 'stream'];
const NODE_ONLY = ['node:*', 'better-sqlite3', '@hono/node-server', ...NODE_BUILTINS];
const ON_BOTH_RUNTIMES = ['node:crypto', 'node:async_hooks', 'node:url', 'node:buffer', 'node:events', 'node:util'];
/** Node's entry points and CLIs: they start the Node runtime, so they may use it. */
const NODE_ENTRY_POINTS = ['server/index.ts', 'server/dev.ts', 'server/sandbox/reset-cli.ts'];
/** Tests (and their helpers and fakes) run on Node and may wire the layers together. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test-support.ts', '**/test-apps.ts', '**/fake-*.ts', 'server/contract/**'];
/**
 * Known crossings, each still to move (issue 25), listed so the rule holds everywhere else:
 * - server/app.ts falls back to nodeRuntime() when no runtime is given (24 callers, mostly tests):
 *   the Worker passes its own, but the Node services are in its bundle.
 * - server/config.ts resolves file paths with node:path (the Worker reads the same config).
 * - server/sandbox/db/open.ts opens the sandbox's better-sqlite3 file: it belongs in
 *   server/runtime/node, after the sandbox-by-resource move.
 */
const TO_MOVE_NODE_PACKAGES = ['server/config.ts', 'server/sandbox/db/open.ts'];
const TO_MOVE_NODE_RUNTIME_IMPORT = ['server/app.ts'];

/**
 * The layering of ARCHITECTURE.md as lint zones (eslint-rules/index.js resolves each import to a
 * file, so a relative `../../members/x` counts like `features/members/x`). Each zone: the files it
 * judges (target, minus targetExcept), what they may not import (from: project files; packages:
 * package names, type-only imports aside).
 */
const ZONES = [
  // The SPA: routes → features → components / api / lib / stores.
  { target: 'src/features/*/**', from: 'src/features/*/**', allowSameName: true, message: 'A feature never imports another feature: move what both need down into components/, lib/ or stores/.' },
  { target: 'src/components/**', from: 'src/features/**', message: 'Components never import features: the route layer passes a feature in (a prop or a slot), or the shared part moves down into components/.' },
  { target: 'src/{features,components,api,lib,stores}/**', from: ['src/routes/**', 'src/routeTree.gen.ts', 'src/main.tsx'], message: 'Only routes (and main.tsx) sit above features: nothing below imports a route or the app entry.' },
  { target: 'src/{api,lib,stores}/**', from: 'src/components/**', message: 'api/, lib/ and stores/ are below the UI: they import no component.' },
  { target: 'src/lib/**', from: ['src/api/**', 'src/stores/**'], message: 'src/lib is shared with the server: import only other src/lib modules.' },
  { target: 'src/**', targetExcept: TESTS, from: 'server/**', message: 'The SPA never imports server code.' },
  // The server: runtime/* is the only runtime-specific code; sandbox and console stay apart.
  { target: 'server/**', from: 'src/**', fromExcept: ['src/lib/**', 'src/api/*/schema.ts', 'src/api/common-schema.ts'], message: 'The server imports only src/lib (the shared pure model) and src/api/*/schema.ts (the parsing boundary) from the SPA.' },
  { target: 'server/**', targetExcept: ['server/runtime/node/**', ...NODE_ENTRY_POINTS, ...TESTS, ...TO_MOVE_NODE_PACKAGES], packages: NODE_ONLY, packagesExcept: ON_BOTH_RUNTIMES, message: 'Node-only code lives in server/runtime/node (the Worker bundles everything else).' },
  { target: 'server/**', targetExcept: ['server/runtime/node/**', ...NODE_ENTRY_POINTS, ...TESTS, ...TO_MOVE_NODE_RUNTIME_IMPORT], from: 'server/runtime/node/**', message: 'Only server/runtime/node and the Node entry points import server/runtime/node.' },
  { target: 'server/**', targetExcept: ['server/runtime/workers/**', ...TESTS], packages: ['cloudflare:*'], from: 'server/runtime/workers/**', message: 'Workers-only code lives in server/runtime/workers.' },
  { target: 'server/runtime/node/**', from: 'server/runtime/workers/**', message: 'One runtime never imports the other.' },
  { target: 'server/sandbox/**', targetExcept: TESTS, from: 'server/console/**', message: 'The sandbox and the console do not reach into each other: what both use lives in server/http/ (or server/ itself).' },
  { target: 'server/console/**', targetExcept: TESTS, from: 'server/sandbox/**', message: 'The sandbox and the console do not reach into each other: what both use lives in server/http/ (or server/ itself).' },
  { target: 'server/http/**', targetExcept: TESTS, from: ['server/sandbox/**', 'server/console/**', 'server/upstream/**'], message: 'server/http/ is what every layer shares: it imports none of them.' },
];

export default tseslint.config(
  // lint-fixtures/ break the rules on purpose; scripts/lint-boundaries.test.ts lints them.
  { ignores: ['dist', 'node_modules', 'src/routeTree.gen.ts', 'test-results', 'playwright-report', '.data', '.e2e', '.wrangler', 'lint-fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain Node scripts (scripts/*.mjs) run under Node, not in the browser.
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['log', 'warn', 'error'] }],
    },
  },
  // src/lib is the one model the SPA and the server both import (effective access, the analyzer,
  // the simulator): it stays pure, so nothing in it may reach for the browser, React or the fetch client.
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', '@tanstack/*', 'radix-ui', 'zustand'], message: 'src/lib is shared with the server: keep it free of UI libraries.' },
            { group: ['**/api/*', '**/components/*', '**/features/*', '**/routes/*', '**/stores/*', '**/server/*'], message: 'src/lib is shared with the server: import only other src/lib modules.' },
          ],
        },
      ],
    },
  },
  // One guard for every write control (double activation, Enter + click, a confirm pressed twice;
  // nothing after the admin left): writes go through src/api/use-guarded-mutation.ts only.
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/routes/**/*.{ts,tsx}', 'src/stores/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tanstack/react-query',
              importNames: ['useMutation'],
              message: 'Writes go through useGuardedMutation (src/api/use-guarded-mutation.ts): one guard for every write control.',
            },
          ],
        },
      ],
    },
  },
  // The server may share the SPA's pure model (src/lib) and nothing else of the SPA.
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Each resource's src/api/<resource>/schema.ts is the one parsing boundary (pure zod):
              // the server's readers of /client/v4 parse with them too, so both read either API era
              // into one model.
              group: ['**/src/*', '!**/src/lib', '!**/src/api', '**/src/api/*', '!**/src/api/*/', '!**/src/api/common-schema*', '**/src/api/*/*', '!**/src/api/*/schema*'],
              message: 'The server imports only src/lib (the shared pure model) and src/api/*/schema.ts (the parsing boundary) from the SPA.',
            },
          ],
        },
      ],
    },
  },
  // Boundaries and cycles (eslint-rules/): the same zones for the real tree and for the fixtures.
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'lint-fixtures/**/*.{ts,tsx}'],
    plugins: { local },
    rules: {
      'local/boundaries': ['error', { zones: ZONES }],
      'local/no-cycle': 'error',
    },
  },
);
