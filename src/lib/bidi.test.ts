import { describe, expect, it } from 'vitest';
import { hasBidiControls, revealBidiControls } from './bidi';

describe('revealBidiControls (issue 28 item 7)', () => {
  it('makes every bidirectional control visible, so none reorders the text', () => {
    expect(revealBidiControls('Admins \u202Egnp.exe\u202C')).toBe('Admins ⟨U+202E⟩gnp.exe⟨U+202C⟩');
    expect(revealBidiControls('a\u2066b\u2069c\u200Fd\u061Ce')).toBe('a⟨U+2066⟩b⟨U+2069⟩c⟨U+200F⟩d⟨U+061C⟩e');
    expect(hasBidiControls(revealBidiControls('x\u202Dy'))).toBe(false);
  });

  it('leaves names without controls alone, right-to-left letters included', () => {
    expect(revealBidiControls('فريق المنصة')).toBe('فريق المنصة');
    expect(hasBidiControls('Platform Engineering')).toBe(false);
    expect(hasBidiControls('a\u202Eb')).toBe(true);
  });
});
