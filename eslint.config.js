import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/routeTree.gen.ts', 'test-results', 'playwright-report', '.data', '.e2e', '.wrangler'] },
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
  // The server may share the SPA's pure model (src/lib) and nothing else of the SPA.
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // src/api/schemas is the one parsing boundary (pure zod): the server's readers of
              // /client/v4 parse with it too, so both read either API era into one model.
              group: ['**/src/*', '!**/src/lib', '!**/src/api', '**/src/api/*', '!**/src/api/schemas'],
              message: 'The server imports only src/lib (the shared pure model) and src/api/schemas (the parsing boundary) from the SPA.',
            },
          ],
        },
      ],
    },
  },
);
