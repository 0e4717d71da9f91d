import type { VerificationStatus } from '@/api/sso/schema';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ACADEMIC_APPROVAL_NOTE, isAcademicDomain } from '@/lib/academic-domain';

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

/** Enabled or not; an academic domain not yet enabled waits for Cloudflare's approval (TODAY.md row 17). */
export function EnabledBadge({ enabled, domain }: { enabled: boolean | undefined; domain?: string }) {
  if (enabled) return <Badge tone="success">SSO enabled</Badge>;
  if (domain && isAcademicDomain(domain)) {
    return (
      <span title={ACADEMIC_APPROVAL_NOTE}>
        <Badge tone="warning">Pending Cloudflare approval</Badge>
      </span>
    );
  }
  return <Badge>SSO disabled</Badge>;
}
