import { create } from 'zustand';

/**
 * A membership to put back (Terraform drift's "Put the account back"): the group's Members tab
 * opens its Replace dialog with this list, so the change goes through that dialog's preview of who
 * is added and removed and its check that nobody changed the membership meanwhile. In memory only.
 */
interface MembersPutBackState {
  request: { groupId: string; emails: string[] } | null;
  put: (request: { groupId: string; emails: string[] } | null) => void;
}

export const useMembersPutBack = create<MembersPutBackState>()((set) => ({
  request: null,
  put: (request) => set({ request }),
}));
