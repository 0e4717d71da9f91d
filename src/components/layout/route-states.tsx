import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ErrorBanner } from '../ui/error-banner';

/** A route that failed to load: the API's message and a retry that refetches. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorReset = useQueryErrorResetBoundary();
  useEffect(() => queryErrorReset.reset(), [queryErrorReset]);
  return (
    <div className="page">
      <ErrorBanner
        error={error}
        title="This page could not be loaded"
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </div>
  );
}

export function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>Nothing lives at this address. It may have been deleted, or the link is mistyped.</p>
      <Link to="/" className="btn">
        Go to user groups
      </Link>
    </div>
  );
}
