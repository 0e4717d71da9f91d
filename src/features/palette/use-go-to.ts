import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useKeyboard } from '@/stores/keyboard';
import type { PaletteTarget } from './palette-items';

type Navigate = ReturnType<typeof useNavigate>;

/** Where each palette target leads, in the account's own URLs. */
export function useGoTo(accountId: string) {
  const navigate = useNavigate();
  return useCallback((t: PaletteTarget) => goTo(navigate, accountId, t), [navigate, accountId]);
}

/** The same, outside React (the keyboard layer loads this module only when a `g` shortcut is used). */
export function goTo(navigate: Navigate, accountId: string, t: PaletteTarget) {
  const a = { accountId };
  switch (t.kind) {
    case 'section':
      // Findings is the account's home.
      if (t.section === 'findings') return navigate({ to: '/accounts/$accountId', params: a });
      return navigate({ to: `/accounts/$accountId/${t.section}`, params: a });
    case 'group':
      if (t.tab === 'members')
        return navigate({
          to: '/accounts/$accountId/groups/$groupId/members',
          params: { ...a, groupId: t.id },
        });
      if (t.tab === 'policies')
        return navigate({
          to: '/accounts/$accountId/groups/$groupId/policies',
          params: { ...a, groupId: t.id },
        });
      return navigate({
        to: '/accounts/$accountId/groups/$groupId',
        params: { ...a, groupId: t.id },
      });
    case 'add-policy':
      // The composer takes this request when it opens: a new policy, its first picker focused.
      useKeyboard.getState().requestAddPolicy(t.id);
      return navigate({
        to: '/accounts/$accountId/groups/$groupId/policies',
        params: { ...a, groupId: t.id },
      });
    case 'group-new':
      useKeyboard.getState().requestCreateGroup(true);
      return navigate({ to: '/accounts/$accountId/groups', params: a });
    case 'member':
      return navigate({
        to: '/accounts/$accountId/members/$memberId',
        params: { ...a, memberId: t.id },
      });
    case 'add-member':
      // The group's Members tab opens its add dialog with this person ticked: one more Enter adds them.
      useKeyboard.getState().requestAddMember({ groupId: t.id, person: t.member });
      return navigate({
        to: '/accounts/$accountId/groups/$groupId/members',
        params: { ...a, groupId: t.id },
      });
    case 'fill':
      return;
    case 'permission-group':
      return navigate({
        to: '/accounts/$accountId/permission-groups/$permissionGroupId',
        params: { ...a, permissionGroupId: t.id },
      });
    case 'resource-group':
    case 'zone':
      return navigate({
        to: '/accounts/$accountId/resource-groups',
        params: a,
        search: { q: t.name },
      });
    case 'sso':
      return navigate({
        to: '/accounts/$accountId/sso/$connectorId',
        params: { ...a, connectorId: t.id },
      });
    case 'sso-new':
      return navigate({ to: '/accounts/$accountId/sso/new', params: a });
    case 'simulator':
      // The home page focuses its simulator when the hash names it.
      return navigate({ to: '/accounts/$accountId', params: a, hash: 'simulator' });
    case 'oauth-client':
      return navigate({
        to: '/accounts/$accountId/oauth-clients/$clientId',
        params: { ...a, clientId: t.id },
      });
    case 'oauth-new':
      return navigate({
        to: '/accounts/$accountId/oauth-clients/new',
        params: a,
      });
    case 'rotate':
      return navigate({
        to: '/accounts/$accountId/oauth-clients/$clientId/rotate',
        params: { ...a, clientId: t.id },
      });
  }
}
