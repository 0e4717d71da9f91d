// Local ESLint rules that hold the layering of ARCHITECTURE.md (bulletproof-react enforces the
// same with eslint-plugin-import's no-restricted-paths, which this project does not install):
//   local/boundaries  zones of files that may not import other zones (by resolved path, so
//                     `../../members/x` from a feature is caught like `features/members/x`),
//                     or packages (the runtime boundary: node:fs, better-sqlite3, cloudflare:…).
//   local/no-cycle    an import that closes a cycle of static imports.
// Zones are written relative to the project root; a lint fixture's folder
// (lint-fixtures/<case>/) counts as a root of its own (see scripts/lint-boundaries.test.ts).
import { cycleThrough, projectPath, resolveImport } from './import-graph.js';

const patternCache = new Map();
/** A small glob: `**` any folders, `*` one name (captured), `{a,b}` either. */
function globToRegExp(glob) {
  if (!patternCache.has(glob)) {
    let source = '';
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i];
      if (c === '*' && glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else if (c === '*') source += '([^/]*)';
      else if (c === '{') source += '(?:';
      else if (c === '}') source += ')';
      else if (c === ',') source += '|';
      else source += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
    }
    patternCache.set(glob, new RegExp(`^${source}$`));
  }
  return patternCache.get(glob);
}
const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** The first `*` the path matched in the first matching pattern (a feature's name), or undefined; null when none matches. */
function matchOf(path, patterns) {
  for (const pattern of list(patterns)) {
    const m = globToRegExp(pattern).exec(path);
    if (m) return m[1] ?? '';
  }
  return null;
}

/** `node:*` any node: module; `x` the package x and its subpaths. */
const packageMatches = (specifier, pattern) =>
  pattern.endsWith('*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern || specifier.startsWith(pattern + '/');
// `import type` only: with verbatimModuleSyntax, `import { type X }` stays as `import {} from`.
const isTypeOnly = (node) => node.importKind === 'type' || node.exportKind === 'type';

const zoneSchema = {
  type: 'object',
  properties: {
    target: { type: ['string', 'array'] },
    targetExcept: { type: ['string', 'array'] },
    from: { type: ['string', 'array'] },
    fromExcept: { type: ['string', 'array'] },
    packages: { type: 'array', items: { type: 'string' } },
    packagesExcept: { type: 'array', items: { type: 'string' } },
    allowSameName: { type: 'boolean' },
    message: { type: 'string' },
  },
  required: ['target', 'message'],
  additionalProperties: false,
};

/** Every import-like node of a module: import/export … from, import(), require() is not used here. */
function forEachImport(check) {
  const visit = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Layers import one way: zones that may not import other zones or packages.' },
    schema: [{ type: 'object', properties: { zones: { type: 'array', items: zoneSchema } }, required: ['zones'], additionalProperties: false }],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const self = projectPath(file, root);
    const zones = context.options[0].zones.filter((z) => matchOf(self, z.target) !== null && matchOf(self, z.targetExcept) === null);
    if (!zones.length) return {};
    return forEachImport((node, specifier) => {
      const resolved = resolveImport(file, specifier, root);
      const imported = resolved ? projectPath(resolved, root) : null;
      for (const zone of zones) {
        let hit = false;
        if (imported !== null && zone.from) {
          const name = matchOf(imported, zone.from);
          hit = name !== null && matchOf(imported, zone.fromExcept) === null && !(zone.allowSameName && name === matchOf(self, zone.target));
        } else if (imported === null && zone.packages && !isTypeOnly(node)) {
          // A type-only import is erased: nothing of the package reaches the bundle.
          hit = zone.packages.some((p) => packageMatches(specifier, p)) && !(zone.packagesExcept ?? []).some((p) => packageMatches(specifier, p));
        }
        if (hit) {
          context.report({ node: node.source, message: `${zone.message} ('${specifier}' from ${self})` });
          return;
        }
      }
    });
  },
};

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles among the project’s modules (static imports; type-only ones are erased).' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    let cycle = null;
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
    function check(node) {
      if (!node.source || node.importKind === 'type' || node.exportKind === 'type') return;
      const target = resolveImport(file, node.source.value, root);
      if (!target) return;
      cycle ??= cycleThrough(file, root);
      if (!cycle.has(target) && target !== file) return;
      const others = [...cycle].filter((f) => f !== file).map((f) => projectPath(f, root));
      context.report({
        node: node.source,
        message: `Import cycle: '${node.source.value}' leads back to this file (files on the cycle: ${[projectPath(file, root), ...others].join(', ')}). Move what both need into a module of its own.`,
      });
    }
  },
};

export default { meta: { name: 'iam-console-local' }, rules: { boundaries, 'no-cycle': noCycle } };
