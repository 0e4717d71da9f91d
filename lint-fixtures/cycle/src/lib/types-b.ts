import type { A } from './types-a';

export interface B {
  a?: A;
}
