// Writes src/routeTree.gen.ts from src/routes/ the way the Vite plugin does, so typecheck, lint
// and unit tests see the current routes without a build (the file is generated, never committed).
import { Generator, getConfig } from '@tanstack/router-generator';

const root = new URL('..', import.meta.url).pathname;
const config = getConfig({ target: 'react', autoCodeSplitting: true }, root);
await new Generator({ config, root }).run();
