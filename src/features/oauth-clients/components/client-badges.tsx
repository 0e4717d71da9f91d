import type { OAuthClient } from '@/api/oauth/schema';
import { Badge } from '@/components/ui/badge';
import { VERIFICATION_TEXT } from '../labels';

export function VisibilityBadge({ client }: { client: OAuthClient }) {
  return <Badge tone={client.visibility === 'public' ? 'info' : 'neutral'}>{client.visibility === 'public' ? 'Public' : 'Private'}</Badge>;
}

/** The client URI's ownership check, or why there is none. */
export function VerificationBadge({ client }: { client: OAuthClient }) {
  const status = client.client_uri_verification?.status;
  if (!client.client_uri) return <span className="muted">No client URI</span>;
  if (!status) return <span className="muted">Not started</span>;
  return <Badge tone={VERIFICATION_TEXT[status].tone}>{VERIFICATION_TEXT[status].label}</Badge>;
}

/** Two valid secrets mean a rotation was started and never finished: the old one still works. */
export function SecretStateBadge({ client }: { client: OAuthClient }) {
  return client.has_rotated_secret ? (
    <Badge tone="warning">Old secret not revoked</Badge>
  ) : (
    <Badge tone="success">One secret</Badge>
  );
}
