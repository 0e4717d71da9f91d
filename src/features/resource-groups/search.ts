import type { ResourceGroup } from '@/api/resource-groups/schema';
import { describeKey, resourceGroupLabel, summarizeScope, type KeyNames } from '@/lib/scope-keys';

/** Everything a person might type to find a group: name, id, keys, zone domains, and the keys in words. */
function haystack(group: ResourceGroup, names: KeyNames): string {
  const parts = [group.name ?? '', group.id, resourceGroupLabel(group, names)];
  for (const scope of group.scope) {
    parts.push(scope.key, describeKey(scope.key, names), summarizeScope(scope, names));
    // The domain and the short id both: "acme.com" and "Zone 23f8" find the same group.
    for (const o of scope.objects) parts.push(o.key, describeKey(o.key, names), describeKey(o.key));
  }
  return parts.join('\n').toLowerCase();
}

/**
 * Client-side search (the API does not paginate or search resource groups): every word must
 * appear somewhere, ignoring case, so "prod 23f8" finds the production group holding that zone.
 */
export function searchResourceGroups(groups: ResourceGroup[], query: string | undefined, names: KeyNames = {}): ResourceGroup[] {
  const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return groups;
  return groups.filter((g) => {
    const text = haystack(g, names);
    return words.every((w) => text.includes(w));
  });
}
