import { usePreferences } from './preferences';

/**
 * The account the views work in. The root route resolves and stores it before any view renders,
 * so a view can rely on it.
 */
export function useAccountId(): string {
  const accountId = usePreferences((s) => s.accountId);
  if (!accountId) throw new Error('No account selected: the root route resolves one before rendering');
  return accountId;
}
