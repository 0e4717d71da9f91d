import type { ErrorComponentProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { isApiError } from '@/api/api-error';
import { ID_PATTERN } from '@/api/accounts/reachable';
import { RouteError } from './route-states';


interface MissingResourceProps {
  /** What the page shows, in words: "user group", "SSO connector". */
  noun: string;
  /** The id from the URL. */
  id: string;
  /** A link back to the list, e.g. "Back to user groups". */
  back: ReactNode;
}

/** A 404 from the API: the thing is gone (or never was), and asking again will not change that. */
export function isGone(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}

/**
 * A detail page's error, inside the shell: a missing item says so and leads back to its list
 * (no "Try again": it would fail the same way); any other failure gets the usual route error.
 */
export function ResourceRouteError({ noun, id, back, ...props }: MissingResourceProps & ErrorComponentProps) {
  if (!isGone(props.error)) return <RouteError {...props} />;
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} not found`;
  const malformed = !ID_PATTERN.test(id);
  return (
    <div className="page">
      <h1>{title}</h1>
      <div className="banner banner-info" role="status">
        {malformed ? (
          <p>
            “{id.slice(0, 64)}” is not a {noun} id: ids are 32 hexadecimal characters. The link may have been cut off or
            mistyped.
          </p>
        ) : (
          <p>
            This {noun} no longer exists (it may have been deleted). If someone shared the link, it may be out of date; find
            the {noun} in the list, or ask them which one they meant.
          </p>
        )}
        {isApiError(props.error) ? (
          <p>
            Cloudflare answered: {props.error.errors.map((e) => (e.code ? `${e.message} (code ${e.code})` : e.message)).join('; ')}
          </p>
        ) : null}
      </div>
      <p>{back}</p>
    </div>
  );
}
