import { useQuery, useQueryErrorResetBoundary } from '@tanstack/react-query';
import { consoleModeQuery, credentialRefusal } from '@/api/accounts/queries';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isApiError } from '@/api/api-error';
import { ErrorBanner, isAuthRefusal } from '../ui/error-banner';

/**
 * Whether asking again may succeed: a network failure, a 429 or a 5xx may pass; a 4xx answer
 * (not found, forbidden, invalid) will be the same next time. A failure that is not the API's
 * (a chunk that did not download) may pass too.
 */
function retryCanHelp(error: unknown): boolean {
  return !isApiError(error) || error.isTransient;
}

function nextStep(error: unknown): string | null {
  if (!isApiError(error) || error.isTransient) return null;
  if (error.status === 401 || error.status === 403) return 'The credential this console uses is not allowed to read this. Check its permissions, or ask an account administrator.';
  if (error.status === 404) return 'It may have been deleted, or the link is out of date.';
  return null;
}

/** A route that failed to load, inside the shell: the API's message, and a retry where one can help. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorReset = useQueryErrorResetBoundary();
  useEffect(() => queryErrorReset.reset(), [queryErrorReset]);
  const { data: mode } = useQuery(consoleModeQuery);
  // The banner says the token itself was refused; no "check its permissions" under it.
  const hint = isAuthRefusal(error) && credentialRefusal(mode) ? null : nextStep(error);
  return (
    <div className="page">
      <ErrorBanner
        error={error}
        title="This page could not be loaded"
        onRetry={
          retryCanHelp(error)
            ? () => {
                reset();
                void router.invalidate();
              }
            : undefined
        }
      />
      {hint ? <p>{hint}</p> : null}
    </div>
  );
}

export function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>Nothing lives at this address. It may have been deleted, or the link is mistyped.</p>
      <Link to="/" className="btn">
        Go to the home page
      </Link>
    </div>
  );
}
