import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId } from './ids.ts';

describe('newId', () => {
  it('draws distinct 32-hex ids across refills of its random pool', () => {
    const ids = Array.from({ length: 1000 }, newId); // 16 KB: four pools of 4 KB
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
