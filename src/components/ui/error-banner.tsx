import { isApiError } from '../../api/api-error';

/** An error that does not belong to one field, with the API's own codes and messages. */
export function ErrorBanner({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
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
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
