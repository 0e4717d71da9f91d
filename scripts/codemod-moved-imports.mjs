#!/usr/bin/env node
// Rewrites imports of modules that issue 25 moved (the sandbox by resource, src/api one module per
// resource), so a branch written before the move still builds after merging it:
//
//   node scripts/codemod-moved-imports.mjs            rewrite every import of a moved module
//   node scripts/codemod-moved-imports.mjs --check    list what it would change, change nothing
//
// An import that still resolves where it stands is left alone, so running it twice changes
// nothing. An import of a moved file is re-pointed at the file's new place (relative, keeping the
// import's extension style); an import of a file that was split (src/api/endpoints/iam.ts,
// src/api/schemas/iam.ts) is divided by name among the files that now export each name.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Old path → new path, repository-relative. */
export const MOVED = {
  // src/api: one folder per resource (endpoints, query options, schema together).
  'src/api/schemas/common.ts': 'src/api/common-schema.ts',
  'src/api/schemas/normalize.test.ts': 'src/api/normalize.test.ts',
  'src/api/endpoints/accounts.ts': 'src/api/accounts/endpoints.ts',
  'src/api/queries/accounts.ts': 'src/api/accounts/queries.ts',
  'src/api/schemas/accounts.ts': 'src/api/accounts/schema.ts',
  'src/api/queries/account-access.ts': 'src/api/accounts/reachable.ts',
  'src/api/queries/user-groups.ts': 'src/api/user-groups/queries.ts',
  'src/api/queries/user-groups.test.ts': 'src/api/user-groups/queries.test.ts',
  'src/api/queries/permission-groups.ts': 'src/api/permission-groups/queries.ts',
  'src/api/queries/resource-groups.ts': 'src/api/resource-groups/queries.ts',
  'src/api/endpoints/oauth.ts': 'src/api/oauth/endpoints.ts',
  'src/api/queries/oauth.ts': 'src/api/oauth/queries.ts',
  'src/api/schemas/oauth.ts': 'src/api/oauth/schema.ts',
  'src/api/endpoints/sso.ts': 'src/api/sso/endpoints.ts',
  'src/api/queries/sso.ts': 'src/api/sso/queries.ts',
  'src/api/schemas/sso.ts': 'src/api/sso/schema.ts',
  'src/api/endpoints/zones.ts': 'src/api/zones/endpoints.ts',
  'src/api/queries/zones.ts': 'src/api/zones/queries.ts',
  'src/api/queries/zones.test.ts': 'src/api/zones/queries.test.ts',
  'src/api/schemas/zones.ts': 'src/api/zones/schema.ts',
  'src/api/history.ts': 'src/api/history/queries.ts',
  'src/api/schemas/history.ts': 'src/api/history/schema.ts',
  // server/sandbox: one folder per resource (routes, model, tests together).
  'server/sandbox/routes/accounts.ts': 'server/sandbox/accounts/routes.ts',
  'server/sandbox/routes/accounts.test.ts': 'server/sandbox/accounts/routes.test.ts',
  'server/sandbox/routes/user.ts': 'server/sandbox/user/routes.ts',
  'server/sandbox/routes/user.test.ts': 'server/sandbox/user/routes.test.ts',
  'server/sandbox/routes/permission-groups.ts': 'server/sandbox/permission-groups/routes.ts',
  'server/sandbox/routes/permission-groups.test.ts': 'server/sandbox/permission-groups/routes.test.ts',
  'server/sandbox/routes/oauth-scopes.ts': 'server/sandbox/oauth-scopes/routes.ts',
  'server/sandbox/routes/oauth-scopes.test.ts': 'server/sandbox/oauth-scopes/routes.test.ts',
  'server/sandbox/routes/oauth-clients.ts': 'server/sandbox/oauth-clients/routes.ts',
  'server/sandbox/routes/oauth-clients.test.ts': 'server/sandbox/oauth-clients/routes.test.ts',
  'server/sandbox/routes/oauth-clients-model.ts': 'server/sandbox/oauth-clients/model.ts',
  'server/sandbox/routes/sso-connectors.ts': 'server/sandbox/sso-connectors/routes.ts',
  'server/sandbox/routes/sso-connectors.test.ts': 'server/sandbox/sso-connectors/routes.test.ts',
  'server/sandbox/routes/resource-groups.ts': 'server/sandbox/resource-groups/routes.ts',
  'server/sandbox/routes/resource-groups.test.ts': 'server/sandbox/resource-groups/routes.test.ts',
  'server/sandbox/routes/resource-group-model.ts': 'server/sandbox/resource-groups/model.ts',
  'server/sandbox/routes/user-groups.ts': 'server/sandbox/user-groups/routes.ts',
  'server/sandbox/routes/user-groups.test.ts': 'server/sandbox/user-groups/routes.test.ts',
  'server/sandbox/routes/user-group-members.ts': 'server/sandbox/user-groups/members.ts',
  'server/sandbox/routes/user-group-members.test.ts': 'server/sandbox/user-groups/members.test.ts',
  'server/sandbox/routes/user-group-policies.ts': 'server/sandbox/user-groups/policies.ts',
  'server/sandbox/routes/group-names.ts': 'server/sandbox/group-names.ts',
  'server/sandbox/routes/user-group-json.ts': 'server/sandbox/db/response-cache.ts',
  'server/sandbox/routes/user-group-json.test.ts': 'server/sandbox/db/response-cache.test.ts',
  'server/sandbox/routes/zones.ts': 'server/sandbox/zones/routes.ts',
  'server/sandbox/routes/zones.test.ts': 'server/sandbox/zones/routes.test.ts',
  'server/sandbox/routes/zone-model.ts': 'server/sandbox/zones/model.ts',
  'server/sandbox/routes/sandbox-dns.ts': 'server/sandbox/dns-zone/routes.ts',
  'server/sandbox/routes/sandbox-dns.test.ts': 'server/sandbox/dns-zone/routes.test.ts',
  'server/sandbox/routes/sandbox-dns-zone.ts': 'server/sandbox/dns-zone/zone.ts',
  'server/sandbox/routes/sandbox-logos.ts': 'server/sandbox/logos/routes.ts',
  'server/sandbox/routes/sandbox-logos.test.ts': 'server/sandbox/logos/routes.test.ts',
  'server/sandbox/routes/iam-test-fixtures.ts': 'server/sandbox/iam-test-fixtures.ts',
  'server/sandbox/routes/dns-precheck.ts': 'server/console/dns-precheck/routes.ts',
  'server/sandbox/routes/dns-precheck.test.ts': 'server/console/dns-precheck/routes.test.ts',
  'server/sandbox/envelope.ts': 'server/http/envelope.ts',
};

/** Re-exports removed: their importers import the real module (which did not move). */
const DROPPED_REEXPORTS = ['server/sandbox/envelope.ts'];

/** Old path → the files its exports went to (an import is divided by name among them). */
export const SPLIT = {
  'src/api/endpoints/iam.ts': [
    'src/api/user-groups/endpoints.ts',
    'src/api/permission-groups/endpoints.ts',
    'src/api/resource-groups/endpoints.ts',
    'src/api/iam-request.ts',
  ],
  'src/api/schemas/iam.ts': ['src/api/user-groups/schema.ts', 'src/api/permission-groups/schema.ts', 'src/api/resource-groups/schema.ts'],
  // The DNS pre-check's resolver types went to server/dns/ with the lookups both runtimes make.
  'server/console/dns-precheck/routes.ts': ['server/console/dns-precheck/routes.ts', 'server/dns/resolver.ts'],
  // Domain-name parsing is pure: the sandbox's zone and the console's pre-check both use it.
  'server/sandbox/dns-zone/zone.ts': ['server/sandbox/dns-zone/zone.ts', 'server/dns/domain-name.ts'],
};

const SOURCE_DIRS = ['src', 'server', 'e2e', 'bench', 'scripts'];
const ROOT_FILES = ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'playwright.era-2024.config.ts', 'playwright.prism.config.ts'];
const EXTENSIONS = ['.ts', '.tsx', '.mjs', '.js'];
/** New path → old path, for the files that moved (a re-export dropped for its target is not a move). */
const REVERSE = Object.fromEntries([
  ...Object.entries(MOVED).filter(([from]) => !DROPPED_REEXPORTS.includes(from)).map(([from, to]) => [to, from]),
  ...Object.entries(SPLIT).filter(([from, [to]]) => from !== to).map(([from, [to]]) => [to, from]),
]);

function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'routeTree.gen.ts') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (EXTENSIONS.some((ext) => name.endsWith(ext))) out.push(path);
  }
  return out;
}

/** The repository-relative file a specifier names from `fromFile`, or null if none exists there. */
const isFile = (p) => existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile();

function resolveAt(fromFile, specifier, exists = isFile) {
  const base = specifier.startsWith('@/') ? join('src', specifier.slice(2)) : join(dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, 'index' + ext))];
  return candidates.find((c) => exists(c)) ?? null;
}

/** Where an old file could be: the moved-from paths and the split ones no longer exist on disk. */
const existedBefore = (p) => p in MOVED || p in SPLIT || (isFile(p) && !(p in REVERSE));

function specifierFor(fromFile, target, original) {
  if (original.startsWith('@/')) return '@/' + stripExt(target.slice('src/'.length), original);
  let rel = relative(dirname(fromFile), target);
  if (!rel.startsWith('.')) rel = './' + rel;
  return stripExt(rel, original);
}

function stripExt(path, original) {
  return /\.(ts|tsx|mjs|js)$/.test(original) ? path : path.replace(/\.(ts|tsx|mjs|js)$/, '');
}

const exportCache = new Map();
function exportsOf(file) {
  if (!exportCache.has(file)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const names = new Set();
    for (const m of text.matchAll(/export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|function\*?|class|type|interface|enum)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
    for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
      for (const part of m[1].split(',')) {
        const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
        if (name) names.add(name);
      }
    }
    exportCache.set(file, names);
  }
  return exportCache.get(file);
}

/** `import { a, type B as C } from 'x'` divided among the split targets by the names they export. */
function splitStatement(fromFile, statement, keyword, typeOnly, names, original, targets) {
  const groups = new Map();
  for (const raw of names.split(',').map((s) => s.trim()).filter(Boolean)) {
    const imported = raw.replace(/^type\s+/, '').split(/\s+as\s+/)[0].trim();
    const target = targets.find((t) => exportsOf(t).has(imported));
    if (!target) throw new Error(`${fromFile}: no split target of ${original} exports ${imported}`);
    if (!groups.has(target)) groups.set(target, []);
    groups.get(target).push(raw);
  }
  return [...groups]
    .map(([target, list]) => `${keyword} ${typeOnly}{ ${list.join(', ')} } from '${specifierFor(fromFile, target, original)}';`)
    .join('\n');
}

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\bvi\.importActual(?:<[^>]*>)?\(\s*)(['"])([^'"]+)\2/g;
const NAMED = /\b(import|export)\s+(type\s+)?\{([^}]*)\}\s*from\s*(['"])([^'"]+)\4;?/g;

export function rewrite(file, text) {
  const oldFile = REVERSE[file] ?? file;
  const relocate = (specifier) => {
    if (!specifier.startsWith('.') && !specifier.startsWith('@/')) return null;
    if (resolveAt(file, specifier)) return null; // still resolves where it stands
    const old = resolveAt(oldFile, specifier, existedBefore);
    if (!old) return null;
    return old;
  };
  // Split modules first: named imports and re-exports divided by name.
  let out = text.replace(NAMED, (statement, keyword, typeOnly = '', names, _q, specifier) => {
    const old = relocate(specifier);
    const target = old && (MOVED[old] ?? old);
    if (!target || !(target in SPLIT)) return statement;
    return splitStatement(file, statement, keyword, typeOnly ?? '', names, specifier, SPLIT[target]);
  });
  out = out.replace(SPECIFIER, (whole, lead, quote, specifier) => {
    const old = relocate(specifier);
    if (!old) return whole;
    const target = MOVED[old] ?? old;
    if (target in SPLIT) throw new Error(`${file}: ${specifier} names a split module in a form this codemod cannot divide; fix it by hand`);
    return `${lead}${quote}${specifierFor(file, target, specifier)}${quote}`;
  });
  return out;
}

function main() {
  const check = process.argv.includes('--check');
  const files = [...SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))), ...ROOT_FILES.map((f) => join(ROOT, f)).filter(existsSync)]
    .map((f) => relative(ROOT, f))
    .filter((f) => f !== 'scripts/codemod-moved-imports.mjs');
  let changed = 0;
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const next = rewrite(file, text);
    if (next === text) continue;
    changed++;
    if (check) console.log(`would rewrite ${file}`);
    else writeFileSync(join(ROOT, file), next);
  }
  console.log(`${check ? 'would rewrite' : 'rewrote'} imports in ${changed} file(s)`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
