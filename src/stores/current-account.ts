import { useParams } from '@tanstack/react-router';

/**
 * The account the views work in: the one in the URL (/accounts/$accountId/…). Every resource view
 * renders under that route, which checks the account before any view renders.
 */
export function useAccountId(): string {
  const accountId = useParams({ strict: false, select: (params) => params.accountId });
  if (!accountId) throw new Error('No account in the URL: resource views render under /accounts/$accountId');
  return accountId;
}
