/** One error from the API, as the envelope carries it. */
export interface ApiErrorDetail {
  code: number;
  message: string;
  pointer?: string;
  /** Contextual 403s (code 10000) link to Cloudflare's page on token permissions. */
  documentationUrl?: string;
}

/** The code Cloudflare's contextual 403 carries ("Forbidden", with a documentation_url). */
export const FORBIDDEN_CODE = 10000;

/** The SCIM refusal's message (Decision 4): the group is managed by the identity provider. */
export const SCIM_MANAGED_MESSAGE = /managed by SCIM provisioning/i;

export type ApiErrorKind = 'api' | 'network' | 'invalid-response';

/**
 * Every failure of a call to /client/v4 — an error envelope, a non-2xx, a network failure, a body
 * that is not the envelope — becomes one of these, so views handle one type.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiErrorDetail[];
  readonly kind: ApiErrorKind;
  /** Seconds the server asked us to wait (429 / 503 Retry-After). */
  readonly retryAfter: number | null;
  /** When that wait ends (epoch ms), fixed as the answer came: a countdown never restarts on re-render. */
  readonly retryAt: number | null;
  /** The call that failed, so a 403 can name the token permission it needs. */
  readonly request: { method: string; path: string } | null;

  constructor(init: { status: number; errors: ApiErrorDetail[]; kind: ApiErrorKind; retryAfter?: number | null; request?: { method: string; path: string } }) {
    super(init.errors.map((e) => e.message).join('; ') || `Request failed (${init.status})`);
    this.name = 'ApiError';
    this.status = init.status;
    this.errors = init.errors;
    this.kind = init.kind;
    this.retryAfter = init.retryAfter ?? null;
    this.retryAt = this.retryAfter === null ? null : Date.now() + this.retryAfter * 1000;
    this.request = init.request ?? null;
  }

  /** A refusal for want of permission: HTTP 403, or Cloudflare's code 10000. */
  get isForbidden(): boolean {
    return this.kind === 'api' && (this.status === 403 || this.errors.some((e) => e.code === FORBIDDEN_CODE));
  }

  /** The API refused a write because the user group is managed by SCIM (Decision 4). */
  get isScimManaged(): boolean {
    return this.kind === 'api' && this.errors.some((e) => SCIM_MANAGED_MESSAGE.test(e.message));
  }

  /** The documentation link a contextual 403 carries, if any. */
  get documentationUrl(): string | null {
    return this.errors.find((e) => e.documentationUrl)?.documentationUrl ?? null;
  }

  /** Errors that point at a request-body field, keyed by JSON pointer. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) if (e.pointer && !(e.pointer in out)) out[e.pointer] = e.message;
    return out;
  }

  /** Errors not tied to a field: shown in the form's banner. */
  generalErrors(): ApiErrorDetail[] {
    return this.errors.filter((e) => !e.pointer);
  }

  /** Worth retrying without the user's say: the request never reached a decision. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.status === 429 || this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
