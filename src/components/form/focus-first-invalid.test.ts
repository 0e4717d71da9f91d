import { describe, expect, it } from 'vitest';
import { focusFirstInvalid } from './focus-first-invalid';

/** A stand-in for a rendered form (unit tests run without a DOM): its controls in page order. */
function fakeForm(controls: { name: string; invalid: boolean }[]) {
  const focused: string[] = [];
  const elements = controls.map((c) => ({ ...c, focus: () => focused.push(c.name) }));
  const root = {
    querySelector: (selector: string) => (selector === '[aria-invalid="true"]' ? (elements.find((e) => e.invalid) ?? null) : null),
  } as unknown as ParentNode;
  const banner = { focus: () => focused.push('banner') } as unknown as HTMLElement;
  return { root, banner, focused };
}

describe('focusFirstInvalid', () => {
  it('focuses the first control marked invalid, in page order', () => {
    const { root, banner, focused } = fakeForm([
      { name: 'name', invalid: false },
      { name: 'redirect 1', invalid: true },
      { name: 'scope', invalid: true },
    ]);
    focusFirstInvalid(root, banner);
    expect(focused).toEqual(['redirect 1']);
  });
  it('focuses the banner when no field holds the problem', () => {
    const { root, banner, focused } = fakeForm([{ name: 'name', invalid: false }]);
    focusFirstInvalid(root, banner);
    expect(focused).toEqual(['banner']);
  });
  it('does nothing without a form or a banner', () => {
    expect(focusFirstInvalid(null, null)).toBeNull();
  });
});
