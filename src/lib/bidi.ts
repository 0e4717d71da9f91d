/**
 * Bidirectional control characters in user-supplied names (issue 28 item 7): "Admins
 * \u202Egnp.exe\u202C" displays as "Admins exe.png" (RTL override). A name is shown inert: each
 * control is replaced by a visible marker naming it (⟨U+202E⟩), so it neither reorders what
 * follows nor hides. Plain-text places (titles, labels, toasts) use the string; markup uses
 * <InertName>, which also isolates the name from its neighbours.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const marker = (control: string) => `⟨U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;

export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  return BIDI_CONTROLS.test(text);
}

/** The name with every bidirectional control made visible: "Admins ⟨U+202E⟩gnp.exe⟨U+202C⟩". */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, marker);
}
