// A cycle of type-only imports is erased at build time: not reported.
import type { B } from './types-b';

export interface A {
  b?: B;
}
