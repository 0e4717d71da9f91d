// The project's own import graph, for the boundary and cycle rules (eslint-rules/index.js): which
// file each relative or `@/` import of a TypeScript file resolves to. Parsed with a scanner of
// import/export statements, not a full parser: enough for this code base's ES module syntax.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.jsx'];

/** `import x from 'y'`, `import type …`, `export … from 'y'`, `import 'y'`: static edges only. */
const STATIC = /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?(?:[\w*${},\s]*?\s+from\s+)?['"]([^'"\n]+)['"]/g;

const parsed = new Map(); // file -> { mtimeMs, imports: Array<{ specifier, typeOnly }> }

function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The module's static imports (dynamic `import()` is a lazy edge, not a cycle at load time). */
export function importsOf(file) {
  const mtimeMs = mtimeOf(file);
  if (mtimeMs === null) return [];
  const cached = parsed.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.imports;
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const imports = [];
  for (const match of source.matchAll(STATIC)) imports.push({ specifier: match[3], typeOnly: Boolean(match[2]) });
  parsed.set(file, { mtimeMs, imports });
  return imports;
}

/** Where a specifier leads inside the project, or null for a package (or a file that is not there). */
export function resolveImport(fromFile, specifier, root) {
  let base;
  if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier);
  else if (specifier.startsWith('@/')) base = join(srcRootOf(fromFile, root), specifier.slice(2));
  else return null;
  base = base.split('?')[0];
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))];
  // `./x.js` written for `./x.ts`.
  if (/\.(m?js|jsx)$/.test(base)) candidates.push(base.replace(/\.(m?js|jsx)$/, '.ts'), base.replace(/\.(m?js|jsx)$/, '.tsx'));
  for (const candidate of candidates) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** `@/` is the src folder of the tree the file is in (the project's, or a lint fixture's). */
function srcRootOf(file, root) {
  const rel = projectPath(file, root);
  const prefix = file.slice(0, file.length - rel.length);
  return join(prefix, 'src');
}

/**
 * The file's path as the layering rules see it: relative to the project root, with a lint
 * fixture's own root (lint-fixtures/<case>/) taken as the project root, so a fixture at
 * lint-fixtures/feature-to-feature/src/features/a/x.ts is judged as src/features/a/x.ts.
 */
export function projectPath(file, root) {
  const rel = file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
  const fixture = rel.match(/^lint-fixtures\/[^/]+\/(.*)$/);
  return fixture ? fixture[1] : rel;
}

/**
 * The files on an import cycle through `file`: the strongly connected component it belongs to
 * (Tarjan's algorithm over what `file` reaches), empty when it is on none. Type-only imports
 * are left out: they are erased and cannot make a module wait for itself.
 */
export function cycleThrough(file, root) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  let counter = 0;
  let result = new Set();
  const edges = (node) =>
    importsOf(node)
      .filter((i) => !i.typeOnly)
      .map((i) => resolveImport(node, i.specifier, root))
      .filter((target) => target !== null && /\.(tsx?|m?js|jsx)$/.test(target));
  // Iterative Tarjan: deep graphs must not overflow the stack.
  const work = [[file, 0, edges(file)]];
  index.set(file, counter);
  low.set(file, counter++);
  stack.push(file);
  onStack.add(file);
  while (work.length) {
    const frame = work[work.length - 1];
    const [node, i, next] = frame;
    if (i < next.length) {
      frame[1]++;
      const target = next[i];
      if (!index.has(target)) {
        index.set(target, counter);
        low.set(target, counter++);
        stack.push(target);
        onStack.add(target);
        work.push([target, 0, edges(target)]);
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node), index.get(target)));
      }
      continue;
    }
    work.pop();
    if (work.length) {
      const parent = work[work.length - 1][0];
      low.set(parent, Math.min(low.get(parent), low.get(node)));
    }
    if (low.get(node) === index.get(node)) {
      const component = new Set();
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.add(member);
      } while (member !== node);
      if (component.has(file)) result = component;
    }
  }
  const selfLoop = edges(file).includes(file);
  return result.size > 1 || selfLoop ? result : new Set();
}
