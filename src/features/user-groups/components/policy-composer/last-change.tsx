import { useQuery } from '@tanstack/react-query';
import { latestChangeQuery } from '@/api/history/queries';
import type { HistoryEntry } from '@/api/history/schema';

const SOURCE: Record<HistoryEntry['source'], string> = { console: 'in this console', api: 'through the API', dashboard: 'in the Cloudflare dashboard' };
const preciseTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "ana@acme.com, through the API, at 1 Dec 2026, 09:12:03": who made a group's latest change. */
export function describeAuthor(entry: HistoryEntry): string {
  const at = new Date(entry.at);
  return `${entry.actor.label}, ${SOURCE[entry.source]}, at ${Number.isNaN(at.getTime()) ? entry.at : preciseTime.format(at)}`;
}

/**
 * The journal's latest change to this group (its policies, name or members), or null while it is
 * unknown; the conflict banner and review name who made it and when.
 */
export function useLastGroupChange(accountId: string, groupId: string, enabled: boolean): HistoryEntry | null {
  const { data } = useQuery({ ...latestChangeQuery(accountId, 'user_group', groupId), enabled });
  return data ?? null;
}
