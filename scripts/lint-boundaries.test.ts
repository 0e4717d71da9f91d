import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules of eslint.config.js (eslint-rules/) run on lint-fixtures/, where each case
 * breaks one on purpose: every expected error must be reported, and the allowed imports beside
 * them must stay quiet, so a rule that silently stops matching fails here. `npm run lint` ignores
 * the fixtures (they would fail it); `ignore: false` lints them with the project's own config.
 */
const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

type Found = { file: string; line: number; rule: string | null; message: string };
let found: Found[] = [];

beforeAll(async () => {
  const eslint = new ESLint({ cwd: ROOT, ignore: false });
  const results = await eslint.lintFiles(['lint-fixtures/**/*.{ts,tsx}']);
  found = results.flatMap((r) =>
    r.messages.map((m) => ({ file: r.filePath.slice(ROOT.length + 1), line: m.line, rule: m.ruleId, message: m.message })),
  );
}, 120_000);

const at = (file: string) => found.filter((f) => f.file === `lint-fixtures/${file}`);

describe('import boundaries (lint fixtures)', () => {
  it('a feature importing another feature, by a relative path or the @/ alias', () => {
    expect(at('feature-imports-feature/src/features/alpha/alpha-view.ts')).toEqual([
      expect.objectContaining({ line: 2, rule: 'local/boundaries', message: expect.stringMatching(/^A feature never imports another feature.*'\.\.\/beta\/beta-model'/) }),
      expect.objectContaining({ line: 4, rule: 'local/boundaries', message: expect.stringMatching(/^A feature never imports another feature.*'@\/features\/beta\/beta-model'/) }),
    ]);
  });

  it('a component importing a feature', () => {
    expect(at('component-imports-feature/src/components/layout/shell.tsx')).toEqual([
      expect.objectContaining({ line: 2, rule: 'local/boundaries', message: expect.stringMatching(/^Components never import features.*features\/palette\/palette/) }),
    ]);
  });

  it('an import cycle, reported on both sides; a cycle of type-only imports is not one', () => {
    for (const [file, line, other] of [
      ['cycle/src/lib/scope.ts', 2, 'src/lib/zone.ts'],
      ['cycle/src/lib/zone.ts', 1, 'src/lib/scope.ts'],
    ] as const) {
      expect(at(file)).toEqual([expect.objectContaining({ line, rule: 'local/no-cycle', message: expect.stringContaining(other) })]);
    }
    expect(at('cycle/src/lib/types-a.ts')).toEqual([]);
    expect(at('cycle/src/lib/types-b.ts')).toEqual([]);
  });

  it('server code importing across the runtime boundary', () => {
    const nodeOnly = /^Node-only code lives in server\/runtime\/node/;
    expect(at('runtime-boundary/server/console/store.ts')).toEqual([
      expect.objectContaining({ line: 2, rule: 'local/boundaries', message: expect.stringMatching(nodeOnly) }),
      expect.objectContaining({ line: 3, rule: 'local/boundaries', message: expect.stringMatching(nodeOnly) }),
    ]);
    expect(at('runtime-boundary/server/console/object.ts')).toEqual([
      expect.objectContaining({ line: 2, rule: 'local/boundaries', message: expect.stringMatching(/^Workers-only code lives in server\/runtime\/workers/) }),
    ]);
    expect(at('runtime-boundary/server/sandbox/db.ts')).toEqual([
      expect.objectContaining({ line: 2, rule: 'local/boundaries', message: expect.stringMatching(/^Only server\/runtime\/node and the Node entry points/) }),
    ]);
    // Each runtime's own folder may use its runtime.
    expect(at('runtime-boundary/server/runtime/node/files.ts')).toEqual([]);
    expect(at('runtime-boundary/server/runtime/workers/object.ts')).toEqual([]);
  });

  it('the sandbox and the console reaching into each other', () => {
    expect(at('sandbox-console/server/console/report.ts')).toEqual([
      expect.objectContaining({ line: 2, rule: 'local/boundaries', message: expect.stringMatching(/^The sandbox and the console do not reach into each other/) }),
    ]);
  });

  it('nothing else: the allowed imports beside them stay quiet', () => {
    const expected = new Set([
      'feature-imports-feature/src/features/alpha/alpha-view.ts',
      'component-imports-feature/src/components/layout/shell.tsx',
      'cycle/src/lib/scope.ts',
      'cycle/src/lib/zone.ts',
      'runtime-boundary/server/console/store.ts',
      'runtime-boundary/server/console/object.ts',
      'runtime-boundary/server/sandbox/db.ts',
      'sandbox-console/server/console/report.ts',
    ]);
    expect(found.filter((f) => !expected.has(f.file.replace(/^lint-fixtures\//, '')))).toEqual([]);
  });
});
