import { describe, expect, it } from 'vitest';
import type { Person } from './membership';
import { resolveEmails, resolveEmailsIndexFirst, type AskIndex, type FetchMemberPage } from './resolve-emails';

function account(size: number): Person[] {
  return Array.from({ length: size }, (_, i) => ({ id: `m${i}`, email: `user${i}@acme.com`, name: `User ${i}` }));
}

/** A fake members endpoint: 1-based pages, optional substring search, call log. */
function server(people: Person[], { honoursSearch = true } = {}) {
  const calls: Array<{ page: number; search?: string }> = [];
  const fetchPage: FetchMemberPage = async ({ page, per_page, search }) => {
    calls.push({ page, search });
    const term = honoursSearch && search ? search.toLowerCase() : undefined;
    const matching = term ? people.filter((p) => p.email.includes(term)) : people;
    return { people: matching.slice((page - 1) * per_page, page * per_page), total: matching.length };
  };
  return { fetchPage, calls };
}

describe('resolveEmails', () => {
  it('reads every page when that costs fewer requests than searching', async () => {
    const { fetchPage, calls } = server(account(120));
    const result = await resolveEmails(['user5@acme.com', 'USER119@acme.com', 'user1@acme.com', 'ghost@acme.com'], fetchPage);
    expect(result.strategy).toBe('list');
    expect(calls.map((c) => c.page).sort()).toEqual([1, 2, 3]);
    expect([...result.found.keys()].sort()).toEqual(['user119@acme.com', 'user1@acme.com', 'user5@acme.com']);
  });

  it('searches each address when the paste is short and the account large', async () => {
    const { fetchPage, calls } = server(account(2000));
    const result = await resolveEmails(['user1999@acme.com', 'ghost@acme.com'], fetchPage);
    expect(result.strategy).toBe('search');
    expect(result.requests).toBe(3); // page 1 for the size, then one search each
    expect(calls.filter((c) => c.search).length).toBe(2);
    expect(result.found.get('user1999@acme.com')?.id).toBe('m1999');
    expect(result.found.has('ghost@acme.com')).toBe(false);
  });

  it('pages through search results when the address is a substring of many', async () => {
    // "user1@acme.com" is contained in no other address, but "1@acme.com" is in every user…1@.
    const people = account(2000);
    const { fetchPage } = server(people);
    const result = await resolveEmails(['1@acme.com'], fetchPage);
    expect(result.found.size).toBe(0);
    const withExact = [...people, { id: 'exact', email: '1@acme.com' }];
    const second = await resolveEmails(['1@acme.com'], server(withExact).fetchPage);
    expect(second.found.get('1@acme.com')?.id).toBe('exact');
  });

  it('falls back to reading every page when the server ignores search (the real API)', async () => {
    const { fetchPage } = server(account(400), { honoursSearch: false });
    const result = await resolveEmails(['user399@acme.com'], fetchPage);
    expect(result.strategy).toBe('list');
    expect(result.found.get('user399@acme.com')?.id).toBe('m399');
  });

  it('makes no request for an empty paste', async () => {
    const { fetchPage, calls } = server(account(10));
    expect((await resolveEmails([], fetchPage)).found.size).toBe(0);
    expect(calls).toEqual([]);
  });
});

describe('resolveEmailsIndexFirst', () => {
  const people = Array.from({ length: 300 }, (_, i) => ({ id: `m${i}`, email: `p${i}@acme.example` }));
  const fetchPage: FetchMemberPage = async ({ page, per_page }) => ({ people: people.slice((page - 1) * per_page, page * per_page), total: people.length });
  const pasted = [...people.slice(0, 200).map((p) => p.email), 'nobody@acme.example'];

  it('asks the API nothing once the index has read every member', async () => {
    let asked = 0;
    const counted: FetchMemberPage = (p) => {
      asked++;
      return fetchPage(p);
    };
    const index: AskIndex = async (emails) => ({ found: people.filter((p) => emails.includes(p.email)), unknown: ['nobody@acme.example'], complete: true });
    const res = await resolveEmailsIndexFirst(pasted, index, counted);
    expect(res.found.size).toBe(200);
    expect(res.requests).toBe(0);
    expect(asked).toBe(0);
  });

  it('before that, only the addresses the index does not hold go to the API', async () => {
    const index: AskIndex = async () => ({ found: people.slice(0, 150), unknown: [...people.slice(150, 200).map((p) => p.email), 'nobody@acme.example'], complete: false });
    const res = await resolveEmailsIndexFirst(pasted, index, fetchPage);
    expect(res.found.size).toBe(200);
    expect(res.fromIndex).toBe(150);
    expect(res.found.has('nobody@acme.example')).toBe(false);
  });

  it('an index that cannot answer leaves it all to the API', async () => {
    const res = await resolveEmailsIndexFirst(pasted, () => Promise.reject(new Error('down')), fetchPage);
    expect(res.found.size).toBe(200);
    expect(res.requests).toBeGreaterThan(0);
  });
});
