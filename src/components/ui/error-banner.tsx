import { useQuery } from '@tanstack/react-query';
import { isApiError, type ApiError } from '@/api/api-error';
import { consoleModeQuery, credentialRefusal } from '@/api/accounts/queries';
import { onDemand } from './on-demand';

/**
 * A 401 or 403 while the server knows Cloudflare refused its token at start: the token itself is
 * the problem (expired, revoked, mistyped), so no permission would help.
 */
export function RefusedTokenAdvice({ reason }: { reason: string }) {
  return (
    <p className="forbidden-advice">
      Cloudflare refused the API token this console was started with (“{reason}”), so it cannot read anything; this is not
      a missing permission. Create or copy a valid token (My Profile → API Tokens), set it as CLOUDFLARE_API_TOKEN and
      restart the console.
    </p>
  );
}

/** Whether an error is an authentication refusal (401/403), the kind a refused token causes. */
export const isAuthRefusal = (error: unknown): error is ApiError => isApiError(error) && (error.status === 401 || error.isForbidden);

const forbiddenAdvice = onDemand(() => import('./forbidden-advice'));
const retryCountdown = onDemand(() => import('./retry-countdown'));

/**
 * A 403's advice (with the table of which token permission each call needs) and a 429's countdown
 * come with the first error that needs them: the first paint never shows either.
 */
function DeferredForbiddenAdvice({ error }: { error: ApiError }) {
  const loaded = forbiddenAdvice.useLoaded('mount');
  return loaded ? <loaded.ForbiddenAdvice error={error} /> : null;
}

function DeferredRetryCountdown({ error }: { error: ApiError }) {
  const loaded = retryCountdown.useLoaded('mount');
  return loaded ? <loaded.RetryCountdown error={error} /> : null;
}

/** An error that does not belong to one field, with the API's own codes and messages. */
export function ErrorBanner({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { data: mode } = useQuery(consoleModeQuery);
  const refusedToken = isAuthRefusal(error) ? credentialRefusal(mode) : null;
  if (!error) return null;
  const details = isApiError(error)
    ? error.errors.map((e) => (e.code ? `${e.message} (code ${e.code})` : e.message))
    : [error instanceof Error ? error.message : String(error)];
  return (
    <div className="banner banner-error" role="alert">
      <strong>{title}</strong>
      <ul>
        {details.map((d, i) => (
          <li key={i}>{d}</li>
        ))}
      </ul>
      {isApiError(error) && error.status === 429 ? <DeferredRetryCountdown error={error} /> : null}
      {refusedToken ? <RefusedTokenAdvice reason={refusedToken} /> : isApiError(error) && error.isForbidden ? <DeferredForbiddenAdvice error={error} /> : null}
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
