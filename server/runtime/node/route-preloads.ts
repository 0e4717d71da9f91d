/**
 * Which of the build's files a page needs beyond the first load, from Vite's manifest: the route
 * chunks (TanStack Router's code-split `component---loader` chunks) whose file route matches the
 * address, with everything they import statically. index.html names them as modulepreloads, so
 * the browser fetches a page's code beside the entry instead of after it has run (Lighthouse
 * showed the page's chunk, then its data, waiting behind the entry on every first load).
 */

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

interface RouteChunk {
  /** The file route's path segments: `$x` matches any one segment. */
  segments: string[];
  /** An index route matches its path only; any other file route matches its path and below (a layout). */
  exact: boolean;
  files: string[];
}

const ROUTE_CHUNK = /^src\/routes\/(.+)\.tsx\?tsr-split=component---loader$/;

export function routePreloads(manifest: Manifest): (pathname: string) => string[] {
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    if (into.has(key) || !manifest[key]) return into;
    into.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, into);
    return into;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  const initial = entry ? closure(entry) : new Set<string>();

  const routes: RouteChunk[] = [];
  for (const key of Object.keys(manifest)) {
    const path = ROUTE_CHUNK.exec(key)?.[1];
    if (!path) continue;
    const segments = path.split('/');
    const last = segments[segments.length - 1];
    if (last === '$') continue; // the catch-all: a page that does not exist
    const exact = last === 'index';
    if (last === 'index' || last === 'route') segments.pop();
    routes.push({ segments, exact, files: [...closure(key)].filter((k) => !initial.has(k)).map((k) => manifest[k]!.file) });
  }

  return (pathname) => {
    const parts = pathname.split('/').filter(Boolean);
    const files = new Set<string>();
    for (const route of routes) {
      if (route.exact ? parts.length !== route.segments.length : parts.length < route.segments.length) continue;
      if (route.segments.every((segment, i) => segment.startsWith('$') || segment === parts[i])) route.files.forEach((f) => files.add(f));
    }
    return [...files];
  };
}

/** index.html with a modulepreload for each file, before </head>. */
export function withModulePreloads(html: string, files: string[]): string {
  if (!files.length) return html;
  const links = files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}" />`).join('\n    ');
  return html.replace('</head>', `  ${links}\n  </head>`);
}
