import type { ApiError } from '@/api/api-error';
import { safeHttpsUrl } from '@/lib/safe-url';
import { forbiddenAdvice, tokenPermissionFor } from '@/lib/token-permissions';

/** A 403: which token permission the call needs, what to change, and Cloudflare's page on it. */
export function ForbiddenAdvice({ error }: { error: ApiError }) {
  const permission = error.request ? tokenPermissionFor(error.request.method, error.request.path) : null;
  const docs = safeHttpsUrl(error.documentationUrl);
  return (
    <p className="forbidden-advice">
      {forbiddenAdvice(permission)}
      {docs ? (
        <>
          {' '}
          <a href={docs} target="_blank" rel="noreferrer">
            Cloudflare’s guide to API token permissions
          </a>
        </>
      ) : null}
    </p>
  );
}
