// Inside server/runtime/node, Node's modules are where they belong: allowed.
import { readFileSync } from 'node:fs';

export const openFile = (path: string) => readFileSync(path);
