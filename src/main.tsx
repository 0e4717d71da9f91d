import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRouter, RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setNonce } from 'get-nonce';
import { isApiError } from './api/api-error';
import { noteLockout } from './api/request-budget';
import { PageSkeleton } from './components/ui/skeleton';
import { routeTree } from './routeTree.gen';
import './styles/app.css';

// The server puts a per-response CSP nonce in index.html; Radix's scroll lock tags its injected
// <style> with it, so the strict style-src needs no 'unsafe-inline'.
const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
if (styleNonce) setNonce(styleNonce);
// During a rate-limit lockout the server says so in the page itself: the banner counts down from
// the first paint, and no call goes out only to be refused.
const lockout = Number(document.querySelector<HTMLMetaElement>('meta[name="iam-lockout-seconds"]')?.content);
if (lockout > 0) noteLockout(lockout);

const MAX_READ_RETRIES = 3;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Reads retry only what may succeed on its own (network, 429, 5xx), honouring Retry-After.
      retry: (failureCount, error) => failureCount < MAX_READ_RETRIES && isApiError(error) && error.isTransient,
      retryDelay: (attempt, error) =>
        isApiError(error) && error.retryAfter !== null ? error.retryAfter * 1000 : Math.min(500 * 2 ** attempt, 8000),
    },
    // A write is never retried blindly: the admin decides, with what they typed still in the form.
    mutations: { retry: false },
  },
});

const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Loaders read through the query cache, so the router must not cache on its own.
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PageSkeleton,
  defaultPendingMs: 150,
  // The default 500 ms minimum held ready tables behind a skeleton (measured in bench/user-groups.ts).
  defaultPendingMinMs: 200,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
