import { createFileRoute, notFound, redirect } from '@tanstack/react-router';
import { resolveAccountId } from '../api/accounts/queries';

/** The first path segments of the pages that lived at the top level before. */
const LEGACY_SECTIONS = ['groups', 'members', 'permission-groups', 'resource-groups', 'sso', 'oauth-clients'];

/**
 * Links from before the account was part of the URL (/groups/…, /sso/…): they open the same page
 * in the current account. Anything else is not found.
 */
export const Route = createFileRoute('/$')({
  beforeLoad: async ({ context, params, location }) => {
    const section = params._splat?.split('/')[0] ?? '';
    if (!LEGACY_SECTIONS.includes(section)) throw notFound();
    const accountId = await resolveAccountId(context.queryClient);
    throw redirect({ href: `/accounts/${accountId}${location.href}`, replace: true });
  },
});
