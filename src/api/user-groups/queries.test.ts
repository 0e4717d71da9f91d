import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allUserGroupsQuery } from './queries';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';

afterEach(() => vi.unstubAllGlobals());

describe('every user group (reverse lookups)', () => {
  it('stops at a short page whatever total_count says (a generated answer claimed 93,000 groups)', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (input: string) => {
      urls.push(input);
      const result = [{ id: 'a'.repeat(32), name: 'Only', created_on: '2026-01-01T00:00:00Z', modified_on: '2026-01-01T00:00:00Z', policies: [] }];
      return Response.json({ success: true, errors: [], messages: [], result, result_info: { page: 1, per_page: 500, count: 1, total_count: 93_000, total_pages: 186 } });
    });
    const groups = await new QueryClient().fetchQuery(allUserGroupsQuery(ACCOUNT));
    expect(groups.map((g) => g.name)).toEqual(['Only']);
    expect(urls).toHaveLength(1);
  });
});
