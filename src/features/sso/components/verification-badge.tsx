import type { VerificationStatus } from '../../../api/sso/schema';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

const look: Record<VerificationStatus, { tone: BadgeTone; label: string; title: string }> = {
  unknown: { tone: 'neutral', label: 'Unknown', title: 'A status this console does not know yet' },
  awaiting: { tone: 'neutral', label: 'Awaiting', title: 'Verification has not started: publish the DNS record, then verify' },
  pending: { tone: 'warning', label: 'Pending', title: 'Cloudflare is checking the DNS record' },
  failed: { tone: 'danger', label: 'Failed', title: 'Cloudflare could not find the right DNS record' },
  verified: { tone: 'success', label: 'Verified', title: 'The domain is verified' },
};

/** The API's verification status, in its own words, so it matches what the API and docs say. */
export function VerificationBadge({ status }: { status: VerificationStatus | undefined }) {
  if (!status) return <Badge>Unknown</Badge>;
  const { tone, label, title } = look[status];
  return (
    <span title={title}>
      <Badge tone={tone}>{label}</Badge>
    </span>
  );
}

export function EnabledBadge({ enabled }: { enabled: boolean | undefined }) {
  return enabled ? <Badge tone="success">SSO enabled</Badge> : <Badge>SSO disabled</Badge>;
}
