import { describe, expect, it } from 'vitest';
import { isAcademicDomain } from './academic-domain';

describe('isAcademicDomain (TODAY.md row 17)', () => {
  it('recognises academic TLDs and second-level academic domains', () => {
    for (const d of ['mit.edu', 'cs.stanford.edu', 'ox.ac.uk', 'unimelb.edu.au', 'u-tokyo.ac.jp', 'MIT.EDU.']) {
      expect(isAcademicDomain(d), d).toBe(true);
    }
  });

  it('leaves other domains alone, including look-alikes', () => {
    for (const d of ['acme.com', 'education.com', 'edu.example.com', 'ac.uk.example.org', 'space.academy']) {
      expect(isAcademicDomain(d), d).toBe(false);
    }
  });
});
