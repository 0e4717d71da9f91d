import * as z from 'zod/mini';
import { boundedInt, optionalEnum, optionalText } from '@/lib/search-params';

export const MEMBER_PAGE_SIZES = [25, 50, 100, 200] as const;

/** The Members page's state, all in the URL: shareable, and kept across reloads. */
export const membersSearchSchema = z.object({
  q: optionalText(),
  status: optionalEnum(['accepted', 'pending'] as const),
  sort: optionalEnum(['email', 'name', 'last_change', 'groups'] as const),
  direction: optionalEnum(['asc', 'desc'] as const),
  page: boundedInt(1, 1_000_000, 1),
  per_page: z._default(z.catch(z.literal(MEMBER_PAGE_SIZES), 50), 50),
});

export type MembersSearch = z.infer<typeof membersSearchSchema>;
