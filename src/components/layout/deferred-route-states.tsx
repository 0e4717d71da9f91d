import type { ErrorComponentProps } from '@tanstack/react-router';
import { onDemand } from '../ui/on-demand';

/**
 * The shell's own error and not-found states (./route-states.tsx, with the error banner) are not
 * part of the first load: fetched once the page is idle, so a later failure finds them there,
 * or at the latest when one is shown.
 */
const routeStates = onDemand(() => import('./route-states'));

export function DeferredRouteError(props: ErrorComponentProps) {
  const loaded = routeStates.useLoaded('mount');
  return loaded ? <loaded.RouteError {...props} /> : null;
}

export function DeferredNotFound() {
  const loaded = routeStates.useLoaded('mount');
  return loaded ? <loaded.NotFound /> : null;
}

/** Asks for them when the browser is idle after the first paint. */
export function usePrefetchRouteStates() {
  routeStates.useLoaded('idle');
}
