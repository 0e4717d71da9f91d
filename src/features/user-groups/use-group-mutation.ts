import { useQueryClient, type DefaultError, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { isApiError } from '@/api/api-error';
import { useGuardedMutation } from '@/api/use-guarded-mutation';

/**
 * A user group's write, through the one write guard (src/api/use-guarded-mutation.ts), plus what
 * a group's refusal teaches: refused because SCIM manages the group, the console server has
 * learned it; the set is asked for again, so every control of that group says so (Decision 4).
 */
export function useGroupMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const qc = useQueryClient();
  return useGuardedMutation<TData, TError, TVariables, TContext>({
    ...options,
    onError: (...args) => {
      if (isApiError(args[0]) && args[0].isScimManaged) void qc.invalidateQueries({ predicate: (q) => q.queryKey[2] === 'scim-managed' });
      return options.onError?.(...args);
    },
  });
}
