import { pluralize } from './format';
import { reachOf } from './resource-scope';
import type { ScopeLike } from './scope-keys';

/** A policy in one sentence: "Allows DNS and Zone Read on 3 zones (Production zones)". */

export interface SummaryInput {
  access: 'allow' | 'deny';
  /** Permission group names, in the policy's order. */
  permissionGroups: readonly string[];
  /** Resource groups: the label to show and, when known, the scope (to count zones). */
  resources: ReadonlyArray<{ label: string; scope?: readonly ScopeLike[] }>;
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function joinNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function describeResources(resources: SummaryInput['resources']): string {
  const labels = resources.map((r) => r.label);
  if (resources.some((r) => !r.scope)) return joinNames(labels);
  const reaches = resources.map((r) => reachOf(r.scope));
  if (reaches.some((r) => r.accountWide)) {
    return resources.length === 1 ? `the whole account (${labels[0]})` : 'the whole account';
  }
  const zones = new Set(reaches.flatMap((r) => r.zones));
  const other = new Set(reaches.flatMap((r) => r.other));
  const parts = [zones.size ? pluralize(zones.size, 'zone') : null, other.size ? pluralize(other.size, 'other resource') : null];
  const counted = parts.filter(Boolean).join(' and ') || 'no resources';
  return `${counted} (${joinNames(labels)})`;
}

export function summarizePolicy(input: SummaryInput): string {
  const verb = input.access === 'deny' ? 'Denies' : 'Allows';
  const hasPgs = input.permissionGroups.length > 0;
  const hasRgs = input.resources.length > 0;
  if (!hasPgs && !hasRgs) return `${verb} nothing yet: choose permission groups and resource groups`;
  if (!hasPgs) return `${verb} nothing yet on ${describeResources(input.resources)}: choose permission groups`;
  if (!hasRgs) return `${verb} ${joinNames(input.permissionGroups)}, but on nothing yet: choose resource groups`;
  return `${verb} ${joinNames(input.permissionGroups)} on ${describeResources(input.resources)}`;
}
