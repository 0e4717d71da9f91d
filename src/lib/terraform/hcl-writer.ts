import { addressOf, type NameBook, type TfPolicy, type TfResource } from './model';
import type { ExportResult } from './export';
import { MIN_PROVIDER_VERSION, PROVIDER_SOURCE } from './provider-schema';

/**
 * HCL for an export: a `terraform` block pinning the provider, then per resource an `import {}`
 * block (id `<account_id>/<id>`) and the resource, lists in the API's order so the first plan
 * after `terraform apply` of the imports shows no change. Permission and resource groups are
 * literal ids with their names in comments. Nothing time-dependent is written: two exports of
 * an unchanged account are byte-identical.
 */

/** A string literal: HCL escapes, and `${`/`%{` doubled so no name is read as a template. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // eslint-disable-next-line no-control-regex -- escaping control characters is the point
    .replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

/** A comment's text on one line (a name may hold a newline or a `*\/`). */
const commentText = (text: string) => text.replace(/[\r\n]+/g, ' ');

function idList(key: string, ids: readonly string[], names: Record<string, string>, indent: string): string[] {
  if (ids.length === 0) return [`${indent}${key} = []`];
  return [
    `${indent}${key} = [`,
    ...ids.map((id) => `${indent}  { id = ${hclString(id)} },${names[id] ? ` # ${commentText(names[id])}` : ''}`),
    `${indent}]`,
  ];
}

function policyLines(policies: readonly TfPolicy[], names: NameBook, indent: string): string[] {
  const lines = [`${indent}policies = [`];
  for (const p of policies) {
    lines.push(`${indent}  {`, `${indent}    access = ${hclString(p.access)}`);
    lines.push(...idList('permission_groups', p.permission_groups, names.permissionGroups, `${indent}    `));
    lines.push(...idList('resource_groups', p.resource_groups, names.resourceGroups, `${indent}    `));
    lines.push(`${indent}  },`);
  }
  lines.push(`${indent}]`);
  return lines;
}

/** The resource block (without its import block). */
export function resourceBlock(r: TfResource, accountId: string, names: NameBook, groupAddresses: ReadonlyMap<string, string> = new Map()): string {
  const lines = [`resource "${r.type}" "${r.resourceName}" {`, `  account_id = ${hclString(accountId)}`];
  switch (r.type) {
    case 'cloudflare_user_group':
      lines.push(`  name = ${hclString(r.name)}`);
      if (r.policies.length) lines.push(...policyLines(r.policies, names, '  '));
      break;
    case 'cloudflare_user_group_members': {
      const group = groupAddresses.get(r.id);
      lines.push(`  user_group_id = ${group ? `${group}.id` : hclString(r.id)}${group ? '' : names.groups[r.id] ? ` # ${commentText(names.groups[r.id]!)}` : ''}`);
      lines.push(...idList('members', r.members, names.members, '  '));
      break;
    }
    case 'cloudflare_sso_connector':
      lines.push(`  email_domain = ${hclString(r.email_domain)}`, `  enabled = ${r.enabled}`);
      break;
    case 'cloudflare_account_member':
      lines.push(`  email = ${hclString(r.email)}`, `  status = ${hclString(r.status)}`);
      if (r.roles.length) lines.push('  roles = [', ...r.roles.map((id) => `    ${hclString(id)},${names.roles[id] ? ` # ${commentText(names.roles[id])}` : ''}`), '  ]');
      if (r.policies.length) lines.push(...policyLines(r.policies, names, '  '));
      break;
  }
  lines.push('}');
  return lines.join('\n');
}

export function importBlock(r: TfResource, accountId: string): string {
  return ['import {', `  to = ${addressOf(r)}`, `  id = ${hclString(`${accountId}/${r.id}`)}`, '}'].join('\n');
}

export function headerBlock(result: Pick<ExportResult, 'accountId' | 'resources'>, scope: string): string {
  return [
    `# IAM Console export of account ${result.accountId} (${scope}): ${result.resources.length} resources.`,
    '# Run `terraform plan` after `terraform init`: the import blocks adopt the existing objects, and',
    '# the plan should show imports only, no change.',
    'terraform {',
    '  required_providers {',
    '    cloudflare = {',
    `      source  = ${hclString(PROVIDER_SOURCE)}`,
    `      version = ${hclString(`>= ${MIN_PROVIDER_VERSION}`)}`,
    '    }',
    '  }',
    '}',
  ].join('\n');
}

function footerBlock(result: ExportResult): string {
  const lines: string[] = [];
  if (result.notes.length) {
    lines.push('# Exported exactly, but known to drift in some provider releases:');
    for (const n of result.notes) lines.push(`#   ${n.address}: ${commentText(n.note)}`);
  }
  if (result.skipped.length) {
    lines.push(`# Not exported (${result.skipped.length}):`);
    for (const s of result.skipped) lines.push(`#   ${commentText(s.what)}: ${commentText(s.reason)} Instead: ${commentText(s.instead)}`);
  }
  return lines.join('\n');
}

/**
 * The file in pieces (a few resources each), so a server can stream 10,000 groups without
 * holding the whole text, and yield to other requests between pieces.
 */
export function* hclChunks(result: ExportResult, scope: string, perChunk = 200): Generator<string> {
  yield `${headerBlock(result, scope)}\n`;
  const groupAddresses = new Map(result.resources.filter((r) => r.type === 'cloudflare_user_group').map((r) => [r.id, addressOf(r)]));
  let buffer: string[] = [];
  for (const r of result.resources) {
    buffer.push(`\n${importBlock(r, result.accountId)}\n\n${resourceBlock(r, result.accountId, result.names, groupAddresses)}\n`);
    if (buffer.length >= perChunk) {
      yield buffer.join('');
      buffer = [];
    }
  }
  if (buffer.length) yield buffer.join('');
  const footer = footerBlock(result);
  if (footer) yield `\n${footer}\n`;
}

export function writeHcl(result: ExportResult, scope: string): string {
  return [...hclChunks(result, scope)].join('');
}
