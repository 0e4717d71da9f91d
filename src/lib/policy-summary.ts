import { pluralize } from './format';
import { reachOf } from './resource-scope';
import { describeKey, type KeyNames, type ScopeLike } from './scope-keys';

/**
 * A policy in one sentence: "Allows DNS and Zone Read on 3 zones (Production zones): acme.com,
 * acme.io and acmeshop.com" — with zone names when the caller can name them.
 */

export interface SummaryInput {
  access: 'allow' | 'deny';
  /** Permission group names, in the policy's order. */
  permissionGroups: readonly string[];
  /** Resource groups: the label to show and, when known, the scope (to count zones). */
  resources: ReadonlyArray<{ label: string; scope?: readonly ScopeLike[] }>;
  /** To name the zones reached (by domain); without it the sentence only counts them. */
  names?: KeyNames;
}

/** Zones named by more than this many are said as "the first ones and N more" (the rest on demand). */
export const ZONES_NAMED = 3;

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function joinNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/**
 * The zones a policy's resource groups reach, by domain and sorted; [] when one of them covers
 * the whole account (every zone) or a scope is unknown.
 */
export function policyZoneNames(resources: SummaryInput['resources'], names: KeyNames): string[] {
  if (resources.some((r) => !r.scope)) return [];
  const reaches = resources.map((r) => reachOf(r.scope));
  if (reaches.some((r) => r.accountWide)) return [];
  const zones = new Set(reaches.flatMap((r) => r.zones));
  return [...zones].map((key) => describeKey(key, names)).sort((a, b) => a.localeCompare(b));
}

/** ": acme.com, acme.io and 7 more", unless the labels already name every zone ("Shop – acmeshop.com"). */
function zoneList(resources: SummaryInput['resources'], names: KeyNames | undefined): string {
  if (!names?.zone) return '';
  const zoneNames = policyZoneNames(resources, names);
  const labels = resources.map((r) => r.label.toLowerCase());
  if (!zoneNames.length || zoneNames.every((z) => labels.some((l) => l.includes(z.toLowerCase())))) return '';
  return `: ${joinNames(zoneNames, ZONES_NAMED)}`;
}

function describeResources(resources: SummaryInput['resources'], names?: KeyNames): string {
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
  return `${counted} (${joinNames(labels)})${zoneList(resources, names)}`;
}

export function summarizePolicy(input: SummaryInput): string {
  const verb = input.access === 'deny' ? 'Denies' : 'Allows';
  const hasPgs = input.permissionGroups.length > 0;
  const hasRgs = input.resources.length > 0;
  if (!hasPgs && !hasRgs) return `${verb} nothing yet: choose permission groups and resource groups`;
  if (!hasPgs) return `${verb} nothing yet on ${describeResources(input.resources)}: choose permission groups`;
  if (!hasRgs) return `${verb} ${joinNames(input.permissionGroups)}, but on nothing yet: choose resource groups`;
  return `${verb} ${joinNames(input.permissionGroups)} on ${describeResources(input.resources, input.names)}`;
}
