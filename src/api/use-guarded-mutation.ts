import { useMutation, type DefaultError, type MutateOptions, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

const currentPage = () => (typeof window === 'undefined' ? '' : window.location.pathname);

/**
 * The one guard every write control goes through (lint forbids a bare useMutation in features):
 *
 * - **Once per intent.** A double click, Enter and a click, or a dialog's confirm pressed twice
 *   all call `mutate` while the first call is still out (`isPending`, and so the button's
 *   `disabled`, reaches React a tick later): the second gets the first's promise, and no request.
 *   The fetch client adds the same rule across controls (client.ts: the same write in flight is
 *   one request), and every write carries a write id (at most once on the server).
 * - **Only while the admin is there.** What a control asks to happen after its write (move to the
 *   new object's page, focus a field) runs only if the admin is still on the page where they
 *   clicked: nothing navigates them after they left. (TanStack Query already drops these
 *   callbacks once the control unmounts; a page change that keeps it mounted is caught here.)
 */
export function useGuardedMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const mutation = useMutation(options);
  const inFlight = useRef<Promise<TData> | null>(null);
  const { mutateAsync: rawMutateAsync } = mutation;

  const mutateAsync = useCallback(
    (variables: TVariables, callbacks?: MutateOptions<TData, TError, TVariables, TContext>): Promise<TData> => {
      if (inFlight.current) return inFlight.current;
      const page = currentPage();
      const here = () => currentPage() === page;
      const promise = rawMutateAsync(
        variables,
        callbacks && {
          onSuccess: (...args) => (here() ? callbacks.onSuccess?.(...args) : undefined),
          onError: (...args) => (here() ? callbacks.onError?.(...args) : undefined),
          onSettled: (...args) => (here() ? callbacks.onSettled?.(...args) : undefined),
        },
      ).finally(() => {
        inFlight.current = null;
      });
      inFlight.current = promise;
      return promise;
    },
    [rawMutateAsync],
  );
  const mutate = useCallback(
    (variables: TVariables, callbacks?: MutateOptions<TData, TError, TVariables, TContext>) => {
      // Errors are handled by the mutation's callbacks; swallow the promise's copy.
      mutateAsync(variables, callbacks).catch(() => {});
    },
    [mutateAsync],
  );
  return { ...mutation, mutate, mutateAsync } as UseMutationResult<TData, TError, TVariables, TContext>;
}
