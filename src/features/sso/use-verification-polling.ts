import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ssoKeys } from '@/api/sso/queries';
import type { SsoConnector } from '@/api/sso/schema';
import { pollDelay } from './verification';

/**
 * While verification is pending, re-reads the connector with backoff (1 s, 1.6 s, 2.6 s … capped
 * at 30 s) and stops as soon as the status settles (the caller passes `active: false`). A timeout
 * chain, not setInterval, so a slow answer never overlaps the next check. The backoff restarts
 * each time verification is (re)started, since the effect re-runs when `active` flips.
 */
export function useVerificationPolling(accountId: string, connectorId: string, active: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!active) return;
    const key = ssoKeys.detail(accountId, connectorId);
    let attempt = 0;
    let cancelled = false;
    let timer: number | undefined;
    const tick = async () => {
      // A failed read keeps the last known status; the next tick tries again.
      await queryClient.refetchQueries({ queryKey: key, exact: true }).catch(() => undefined);
      if (cancelled) return;
      const status = queryClient.getQueryData<SsoConnector>(key)?.verification?.status;
      if (status !== 'pending') {
        void queryClient.invalidateQueries({ queryKey: ssoKeys.list(accountId) });
        return;
      }
      timer = window.setTimeout(() => void tick(), pollDelay(++attempt));
    };
    timer = window.setTimeout(() => void tick(), pollDelay(attempt));
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [active, accountId, connectorId, queryClient]);
}
