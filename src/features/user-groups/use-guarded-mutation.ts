import { useMutation, useQueryClient, type DefaultError, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { isApiError } from '../../api/api-error';

/**
 * useMutation that sends once per click, however fast the clicks. `isPending` (and so the
 * button's `disabled`) reaches React a tick after `mutate`, since the query cache notifies on a
 * timer; a ref closes that window. A second call while one is in flight returns the same promise.
 */
export function useGuardedMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const mutation = useMutation(options);
  const qc = useQueryClient();
  const inFlight = useRef<Promise<TData> | null>(null);
  const { mutateAsync: rawMutateAsync } = mutation;

  const mutateAsync = useCallback<typeof rawMutateAsync>(
    (...args) => {
      if (inFlight.current) return inFlight.current;
      const promise = rawMutateAsync(...args)
        .catch((error: unknown) => {
          // Refused because SCIM manages the group: the console server has learned it; ask again
          // for the set, so every control of that group says so from now on (Decision 4).
          if (isApiError(error) && error.isScimManaged) void qc.invalidateQueries({ predicate: (q) => q.queryKey[2] === 'scim-managed' });
          throw error;
        })
        .finally(() => {
          inFlight.current = null;
        });
      inFlight.current = promise;
      return promise;
    },
    [rawMutateAsync, qc],
  );
  const mutate = useCallback<typeof mutation.mutate>(
    (...args) => {
      // Errors are handled by the mutation's callbacks; swallow the promise's copy.
      mutateAsync(...args).catch(() => {});
    },
    [mutateAsync],
  );
  return { ...mutation, mutate, mutateAsync };
}
