import type { BadgeTone } from '@/components/ui/badge';
import type { AuthMethod, GrantType, ResponseType } from './schemas';

/** Plain-language explanations of the OAuth vocabulary the form asks about. */

export const GRANT_TYPE_TEXT: Record<GrantType, { label: string; help: string }> = {
  authorization_code: {
    label: 'Authorization code',
    help: 'Users sign in at Cloudflare and your app exchanges the returned code for tokens. Always on: the API requires it.',
  },
  refresh_token: {
    label: 'Refresh token',
    help: 'Lets your app get new access tokens without asking the user again. Adds the offline_access scope automatically.',
  },
};

export const RESPONSE_TYPE_TEXT: Record<ResponseType, { label: string; help: string }> = {
  code: {
    label: 'code',
    help: 'The redirect carries a one-time code that your server exchanges for tokens. Use this unless you know you need another.',
  },
  id_token: {
    label: 'id_token',
    help: 'The redirect carries an OpenID Connect ID token that says who signed in. Adds the openid scope automatically.',
  },
  token: {
    label: 'token',
    help: 'The redirect carries an access token directly (implicit flow). Legacy: tokens end up in browser history; avoid for new apps.',
  },
};

export const AUTH_METHOD_TEXT: Record<AuthMethod, { label: string; help: string }> = {
  client_secret_basic: {
    label: 'Client secret in the Authorization header (client_secret_basic)',
    help: 'Your server sends the client ID and secret with HTTP Basic auth to the token endpoint. The usual choice for server-side apps.',
  },
  client_secret_post: {
    label: 'Client secret in the request body (client_secret_post)',
    help: 'Your server sends the client ID and secret as form fields. For libraries that cannot set the Authorization header.',
  },
  none: {
    label: 'No secret (none)',
    help: 'For apps that cannot keep a secret — single-page and mobile apps. They must use PKCE; the secret is then never checked.',
  },
};

export const VERIFICATION_TEXT: Record<'pending' | 'in_progress' | 'verified' | 'failed' | 'unknown', { label: string; tone: BadgeTone }> = {
  unknown: { label: 'Unknown', tone: 'neutral' },
  pending: { label: 'Pending', tone: 'neutral' },
  in_progress: { label: 'Checking DNS', tone: 'info' },
  verified: { label: 'Verified', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};
