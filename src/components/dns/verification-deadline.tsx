import { useQuery } from '@tanstack/react-query';
import { verificationStartQuery } from '@/api/history/queries';
import { formatDateTime } from '@/lib/format';
import { verificationDeadlineFrom } from '@/lib/verification-window';

const IN_FLIGHT = new Set(['pending', 'in_progress']);

/**
 * When Cloudflare stops checking a verification in flight: its start as History records it, plus
 * the two-day window. Not the resource's update time, which a FedRAMP toggle or a rename moves
 * while Cloudflare's clock runs on. Null while not in flight, or when History does not hold the start.
 */
export function useVerificationDeadline(accountId: string, resourceType: 'sso_connector' | 'oauth_client', resourceId: string, status: string | null | undefined) {
  const inFlight = IN_FLIGHT.has(status ?? '');
  const started = useQuery({ ...verificationStartQuery(accountId, resourceType, resourceId, status ?? null), enabled: inFlight });
  return verificationDeadlineFrom(started.data, inFlight);
}

/** A deadline as text, with the exact instant for machines and hover. */
export function DeadlineTime({ deadline }: { deadline: Date }) {
  const iso = deadline.toISOString();
  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(iso)}
    </time>
  );
}
