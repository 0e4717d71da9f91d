import { isApiError } from './api-error';
import type { ApiResponse } from './client';
import type { Deleted } from './common-schema';

/**
 * A DELETE answered 404 has still reached what the admin asked for: the thing is gone (a second
 * click, a colleague, another tab). The console reports that as a success rather than a failure.
 */
export async function deleteIdempotently(id: string, send: () => Promise<ApiResponse<Deleted>>): Promise<ApiResponse<Deleted>> {
  try {
    return await send();
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { result: { id }, resultInfo: null };
    throw error;
  }
}
