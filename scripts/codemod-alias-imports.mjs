#!/usr/bin/env node
// Rewrites the SPA's deep relative imports (`../../x`, two or more levels up) to the `@/` alias
// (tsconfig.json `paths`, vite.config.ts and vitest.config.ts `resolve.alias`: `@/` is `src/`):
//
//   node scripts/codemod-alias-imports.mjs            rewrite
//   node scripts/codemod-alias-imports.mjs --check    list what it would change, change nothing
//   node scripts/codemod-alias-imports.mjs --root DIR run on another checkout (a copy, to try it)
//
// Only files under src/ change, and not the ones the server, the e2e suite, the benches or the
// scripts import (directly or through other src files): those run under tsx, wrangler and
// Playwright, and keep plain relative paths so nothing there depends on the alias. `./x` and
// `../x` stay as they are: they name a neighbour, which reads better than a full path.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const ROOT = rootArg >= 0 ? resolve(args[rootArg + 1]) : resolve(dirname(new URL(import.meta.url).pathname), '..');
const CHECK = args.includes('--check');

const EXTENSIONS = ['.ts', '.tsx', '.mjs', '.js'];
const OUTSIDE_SPA = ['server', 'e2e', 'bench', 'scripts'];
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\bvi\.importActual(?:<[^>]*>)?\(\s*)(['"])([^'"]+)\2/g;

function sourceFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const isFile = (p) => existsSync(p) && statSync(p).isFile();

function resolveImport(fromFile, specifier) {
  let base;
  if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier);
  else if (specifier.startsWith('@/')) base = join(ROOT, 'src', specifier.slice(2));
  else return null;
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, 'index' + ext))];
  return candidates.find(isFile) ?? null;
}

function importsOf(file) {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => m[3]);
}

/** src files reached from outside the SPA (server, e2e, bench, scripts), through any chain of imports. */
function reachedFromOutside() {
  const reached = new Set();
  const queue = OUTSIDE_SPA.flatMap((d) => sourceFiles(join(ROOT, d)));
  const seen = new Set(queue);
  while (queue.length) {
    const file = queue.pop();
    for (const specifier of importsOf(file)) {
      const target = resolveImport(file, specifier);
      if (!target || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
      if (target.startsWith(join(ROOT, 'src') + '/')) reached.add(target);
    }
  }
  return reached;
}

/** `../../x` or deeper, naming a file in src/: becomes `@/` + its path under src/, same extension style. */
export function aliased(file, specifier) {
  if (!/^(\.\.\/){2,}/.test(specifier)) return null;
  const target = resolveImport(file, specifier);
  const src = join(ROOT, 'src') + '/';
  if (!target || !target.startsWith(src)) return null;
  const underSrc = relative(src, resolve(dirname(file), specifier));
  return '@/' + underSrc;
}

function main() {
  const spared = reachedFromOutside();
  const files = sourceFiles(join(ROOT, 'src')).filter((f) => !f.endsWith('routeTree.gen.ts'));
  let changedFiles = 0;
  let changedImports = 0;
  for (const file of files) {
    if (spared.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    let count = 0;
    const next = text.replace(SPECIFIER, (whole, lead, quote, specifier) => {
      const alias = aliased(file, specifier);
      if (!alias) return whole;
      count++;
      return `${lead}${quote}${alias}${quote}`;
    });
    if (!count) continue;
    changedFiles++;
    changedImports += count;
    if (CHECK) console.log(`${relative(ROOT, file)}: ${count}`);
    else writeFileSync(file, next);
  }
  console.log(
    `${CHECK ? 'would rewrite' : 'rewrote'} ${changedImports} import(s) in ${changedFiles} file(s); ` +
      `${spared.size} src file(s) the server, e2e, benches or scripts import kept relative`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
