/** One error from the API, as the envelope carries it. */
export interface ApiErrorDetail {
  code: number;
  message: string;
  pointer?: string;
}

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

  constructor(init: { status: number; errors: ApiErrorDetail[]; kind: ApiErrorKind; retryAfter?: number | null }) {
    super(init.errors.map((e) => e.message).join('; ') || `Request failed (${init.status})`);
    this.name = 'ApiError';
    this.status = init.status;
    this.errors = init.errors;
    this.kind = init.kind;
    this.retryAfter = init.retryAfter ?? null;
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
