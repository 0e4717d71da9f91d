import { mapLimit } from './concurrency';
import type { Person } from './membership';

/** One page of account members as the resolver needs them. */
export interface MemberPage {
  people: Person[];
  /** result_info.total_count, when the server sends it. */
  total: number | undefined;
}

export type FetchMemberPage = (params: { page: number; per_page: number; search?: string }) => Promise<MemberPage>;

export interface ResolveOptions {
  /** The account members list serves 5–50 per page. */
  perPage?: number;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Resolution {
  /** Lower-cased email → account member, for every pasted address that is one. */
  found: Map<string, Person>;
  strategy: 'search' | 'list';
  requests: number;
}

const contains = (p: Person, term: string) =>
  p.email.toLowerCase().includes(term) || (p.name ?? '').toLowerCase().includes(term);

/**
 * Finds which pasted emails belong to account members, in as few requests as it can.
 *
 * The real API cannot look a member up by email; the sandbox has a `search` extension. So: read
 * page 1 to learn the account's size, then either search each address (fewer requests when the
 * paste is short and the account big) or read every page. A server that ignores `search` is
 * detected (it answers rows that do not contain the term) and the resolver falls back to reading
 * every page, so it never reports a real member as "not in the account".
 */
export async function resolveEmails(emails: readonly string[], fetchPage: FetchMemberPage, options: ResolveOptions = {}): Promise<Resolution> {
  const { perPage = 50, concurrency = 6, onProgress } = options;
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  let requests = 0;
  const fetchCounted: FetchMemberPage = (params) => {
    requests++;
    return fetchPage(params);
  };
  if (wanted.length === 0) return { found: new Map(), strategy: 'list', requests };

  const first = await fetchCounted({ page: 1, per_page: perPage });
  const pages = first.total === undefined ? Infinity : Math.max(1, Math.ceil(first.total / perPage));

  if (wanted.length < pages) {
    const bySearch = await trySearch(wanted, fetchCounted, perPage, concurrency, onProgress);
    if (bySearch) return { found: bySearch, strategy: 'search', requests };
  }

  const found = new Map<string, Person>();
  const want = new Set(wanted);
  const collect = (people: Person[]) => {
    for (const p of people) if (want.has(p.email.toLowerCase())) found.set(p.email.toLowerCase(), p);
  };
  collect(first.people);
  if (pages === Infinity) {
    // No total_count: walk until a short page.
    let page = 1;
    let last = first;
    while (last.people.length === perPage) {
      last = await fetchCounted({ page: ++page, per_page: perPage });
      collect(last.people);
      onProgress?.(page, page + 1);
    }
  } else {
    let done = 1;
    onProgress?.(done, pages);
    const rest = Array.from({ length: pages - 1 }, (_, i) => i + 2);
    await mapLimit(rest, concurrency, async (page) => {
      collect((await fetchCounted({ page, per_page: perPage })).people);
      onProgress?.(++done, pages);
    });
  }
  return { found, strategy: 'list', requests };
}

async function trySearch(
  wanted: string[],
  fetchPage: FetchMemberPage,
  perPage: number,
  concurrency: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, Person> | null> {
  const found = new Map<string, Person>();
  let ignored = false;
  let done = 0;
  await mapLimit(wanted, concurrency, async (email) => {
    // A short address is a substring of many ("a@acme.com" of "ana@acme.com"): page on until found.
    for (let page = 1; !ignored; page++) {
      const { people, total } = await fetchPage({ page, per_page: perPage, search: email });
      if (people.some((p) => !contains(p, email))) {
        ignored = true;
        return;
      }
      const hit = people.find((p) => p.email.toLowerCase() === email);
      if (hit) found.set(email, hit);
      const more = total === undefined ? people.length === perPage : page * perPage < total;
      if (hit || !more) break;
    }
    onProgress?.(++done, wanted.length);
  });
  return ignored ? null : found;
}

/** What the membership index knows of a paste (no Cloudflare request): `complete` once it has read every member. */
export type AskIndex = (emails: string[]) => Promise<{ found: Person[]; unknown: string[]; complete: boolean }>;

/**
 * The index first, the API only for the rest: members the index holds are found at no cost; once
 * it has read the whole member list the rest are not members, and no request is made at all;
 * before that, only the addresses it does not hold are looked up as resolveEmails does. If the
 * index cannot answer, everything goes to the API as before.
 */
export async function resolveEmailsIndexFirst(
  emails: readonly string[],
  askIndex: AskIndex,
  fetchPage: FetchMemberPage,
  options: ResolveOptions = {},
): Promise<Resolution & { fromIndex: number }> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  let known: Awaited<ReturnType<AskIndex>>;
  try {
    known = await askIndex(wanted);
  } catch {
    return { ...(await resolveEmails(wanted, fetchPage, options)), fromIndex: 0 };
  }
  const found = new Map(known.found.map((p) => [p.email.toLowerCase(), p] as const));
  if (known.complete || known.unknown.length === 0) return { found, strategy: 'list', requests: 0, fromIndex: found.size };
  const rest = await resolveEmails(known.unknown, fetchPage, options);
  for (const [email, person] of rest.found) found.set(email, person);
  return { found, strategy: rest.strategy, requests: rest.requests, fromIndex: known.found.length };
}
