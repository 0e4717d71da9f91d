import { create } from 'zustand';

/**
 * What keyboard commands ask of the pages: the palette and the shortcut list being open, a
 * review-and-save request (Ctrl/⌘+S) that whichever form is on screen answers, and a one-shot
 * "add a policy" the composer carries out when it opens (from the palette).
 */
interface KeyboardState {
  paletteOpen: boolean;
  helpOpen: boolean;
  setPaletteOpen: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
  /** Set by the palette; taken (and cleared) by that group's composer. */
  addPolicyTo: string | null;
  requestAddPolicy: (groupId: string | null) => void;
  /** Set by the palette ("Add ‹person› to ‹group›"); that group's Members tab opens its add dialog with them. */
  addMemberTo: { groupId: string; person: { id: string; email: string } } | null;
  requestAddMember: (request: KeyboardState['addMemberTo']) => void;
  /** Set by the palette ("Create user group"); the groups list opens its create dialog. */
  createGroupRequested: boolean;
  requestCreateGroup: (requested: boolean) => void;
}

export const useKeyboard = create<KeyboardState>()((set) => ({
  paletteOpen: false,
  helpOpen: false,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  addPolicyTo: null,
  requestAddPolicy: (addPolicyTo) => set({ addPolicyTo }),
  addMemberTo: null,
  requestAddMember: (addMemberTo) => set({ addMemberTo }),
  createGroupRequested: false,
  requestCreateGroup: (createGroupRequested) => set({ createGroupRequested }),
}));

const SAVE_EVENT = 'iam-console:save';

/** Ctrl/⌘+S: asks the form on screen to review and save. Answers whether one listened. */
export function requestSave(): boolean {
  return !window.dispatchEvent(new Event(SAVE_EVENT, { cancelable: true }));
}

/** A form's answer to Ctrl/⌘+S; returns the unsubscribe. */
export function onSaveRequest(handler: () => void): () => void {
  const listener = (event: Event) => {
    event.preventDefault();
    handler();
  };
  window.addEventListener(SAVE_EVENT, listener);
  return () => window.removeEventListener(SAVE_EVENT, listener);
}
