import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The libraries every page needs before its first paint, in one chunk: left to itself the bundler
 * splits them into a dozen small files (each shared with some route), which over HTTP/1.1 queue
 * behind each other and repeat their import/export glue. Only what the entry already loads goes
 * here; what only a route or a dialog uses (Radix, TanStack Table, useMutation, useBlocker…) stays
 * out of the first load (a group takes every module it matches, used up front or not).
 */
const FIRST_LOAD_LIBRARIES =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|use-sync-external-store|zod|zustand|get-nonce|@tanstack[\\/](react-router|router-core|history|store|react-store|query-core|react-query))[\\/](?!.*[\\/](useMutation|mutationObserver|useQueries|queriesObserver|useQuery|useBlocker|useLocation|store|useStore)\.js$)/;


export default defineConfig({
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      codeSplittingOptions: { defaultBehavior: [['loader', 'component'], ['errorComponent', 'notFoundComponent', 'pendingComponent']] },
    }),
    react(),
  ],
  // `@/x` is src/x (tsconfig.json paths; vitest.config.ts has the same).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The Node server reads it to preload a page's own chunks from index.html (server/runtime/node/route-preloads.ts).
    manifest: true,
    // Every browser the console supports preloads modules natively: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Shared chunks by hash alone: their names (the first module's: dist, queries, schema) said
        // little, and the entry carries every file name for its preloads (~0.5 KB gzip of names).
        chunkFileNames: (chunk) => (chunk.isDynamicEntry || chunk.name === 'framework' ? 'assets/[name]-[hash].js' : 'assets/[hash].js'),
        codeSplitting: {
          groups: [
            { name: 'framework', test: FIRST_LOAD_LIBRARIES },
            // The app's own first-load modules in the entry, not in eight small shared files each
            // with its own import/export glue (~2 KB gzip of it).
            { name: 'first-load', tags: ['$initial'] },
          ],
        },
      },
    },
  },
});
