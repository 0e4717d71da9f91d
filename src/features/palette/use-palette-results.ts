import { useQuery } from '@tanstack/react-query';
import { oauthClientsQuery } from '@/api/oauth/queries';
import { resourceGroupsQuery } from '@/api/resource-groups/queries';
import { ssoConnectorsQuery } from '@/api/sso/queries';
import { userGroupsQuery } from '@/api/user-groups/queries';
import { indexedMembersQuery } from '@/api/membership-index';
import { zoneSearchQuery } from '@/api/zones/queries';
import { allPermissionGroupsQuery } from '@/api/permission-groups/queries';
import { itemKey, matches, subjectsOf, type PaletteItem, type PaletteTarget } from './palette-items';
import { GO_TO } from './shortcut-keys';
import { pluralize } from '@/lib/format';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';

/** Typing pauses this long before the palette asks the server. */
const DEBOUNCE_MS = 200;
const PER_KIND = 6;

const make = (label: string, group: string, target: PaletteTarget, hint?: string): PaletteItem => ({ key: itemKey(target), label, group, target, hint });

/** "Add ‹person› to ‹group›" pairs shown at most, for a typed "Add … to …". */
const MAX_PAIRS = 6;

/**
 * The palette's results for what is typed. User groups and zones are searched on the server
 * (debounced, one request each per pause, through the one fetch client); people are searched in
 * the console's membership index (/console-api: no request of Cloudflare's limit); the other
 * lists are one request each per session, cached, and filtered here. Nothing is asked before two
 * letters.
 */
export function usePaletteResults(accountId: string, query: string, open: boolean) {
  const settled = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const asked = subjectsOf(settled);
  const searching = open && (asked.group.length >= 2 || asked.person.length >= 2);
  const groups = useQuery({ ...userGroupsQuery(accountId, { page: 1, per_page: PER_KIND, fuzzyName: asked.group }), enabled: open && asked.group.length >= 2 });
  const people = useQuery({
    ...indexedMembersQuery(accountId, { q: asked.person, page: 1, per_page: PER_KIND }),
    enabled: open && asked.person.length >= 2,
    refetchInterval: false,
  });
  const zones = useQuery({ ...zoneSearchQuery(accountId, asked.group), enabled: open && !asked.typedAction && asked.group.length >= 2 });
  const resourceGroups = useQuery({ ...resourceGroupsQuery(accountId), enabled: searching });
  const permissionGroups = useQuery({ ...allPermissionGroupsQuery(accountId), enabled: searching });
  const sso = useQuery({ ...ssoConnectorsQuery(accountId), enabled: searching });
  const clients = useQuery({ ...oauthClientsQuery(accountId), enabled: searching });

  const q = query.trim();
  const items: PaletteItem[] = [];
  for (const { section, label } of Object.values(GO_TO)) {
    if (!q || matches(label, q)) items.push(make(label, 'Go to', { kind: 'section', section }));
  }
  const actions = [
    make('Create user group', 'Actions', { kind: 'group-new' }),
    make('Create OAuth client', 'Actions', { kind: 'oauth-new' }),
    make('Start SSO setup', 'Actions', { kind: 'sso-new' }),
    make('Ask the simulator (who can, can a member)', 'Actions', { kind: 'simulator' }),
  ];
  items.push(...actions.filter((a) => !q || matches(a.label, q)));
  if (searching) {
    const fresh = settled === q || q.startsWith(settled);
    // Typed as an action ("Add a policy to Ops"): only the items that read like it.
    const { typedAction, group: subject, person } = subjectsOf(q);
    const foundGroups = (fresh && asked.group.length >= 2 ? groups.data?.result : []) ?? [];
    const foundPeople = (fresh && asked.person.length >= 2 ? people.data?.members : []) ?? [];
    if (typedAction && person) {
      // "Add ana@acme.com to Ops": every pair of a person found and a group found.
      const pairs = foundPeople.flatMap((m) => foundGroups.map((g) => ({ m, g }))).slice(0, MAX_PAIRS);
      for (const { m, g } of pairs) items.push(make(`Add ${m.email} to ${g.name}`, 'Actions', { kind: 'add-member', id: g.id, member: { id: m.id, email: m.email } }));
    } else {
      for (const m of foundPeople) {
        const name = [m.first_name, m.last_name].filter(Boolean).join(' ');
        items.push(make(m.email, 'Members', { kind: 'member', id: m.id }, name || undefined));
        items.push(make(`Add ${m.email} to a group…`, 'Actions', { kind: 'fill', text: `Add ${m.email} to ` }));
      }
    }
    for (const g of typedAction && person ? [] : foundGroups) {
      const forGroup = [
        make(g.name, 'User groups', { kind: 'group', id: g.id }, pluralize(g.policies?.length ?? 0, 'policy', 'policies')),
        make(`Add a policy to ${g.name}`, 'Actions', { kind: 'add-policy', id: g.id }),
        make(`Add members to ${g.name}`, 'Actions', { kind: 'group', id: g.id, tab: 'members' }),
      ];
      items.push(...(typedAction ? forGroup.filter((item) => matches(item.label, q)) : forGroup));
    }
    for (const z of (fresh ? zones.data?.zones : [])?.slice(0, PER_KIND) ?? []) items.push(make(z.name, 'Zones', { kind: 'zone', name: z.name }, 'resource groups with this zone'));
    const filtered = <T,>(list: T[] | undefined, text: (x: T) => string) =>
      subject.length >= 2 ? (list ?? []).filter((x) => matches(text(x), subject)).slice(0, PER_KIND) : [];
    const fromLists: PaletteItem[] = [];
    for (const rg of filtered(resourceGroups.data, (x) => x.name ?? '')) fromLists.push(make(rg.name ?? rg.id, 'Resource groups', { kind: 'resource-group', name: rg.name ?? rg.id }));
    for (const pg of filtered(permissionGroups.data, (x) => x.name ?? '')) fromLists.push(make(pg.name ?? pg.id, 'Permission groups', { kind: 'permission-group', id: pg.id }));
    for (const c of filtered(sso.data, (x) => x.email_domain ?? '')) fromLists.push(make(c.email_domain ?? c.id, 'SSO connectors', { kind: 'sso', id: c.id }));
    for (const c of filtered(clients.data, (x) => x.client_name ?? x.client_id)) {
      const name = c.client_name || c.client_id;
      fromLists.push(make(name, 'OAuth clients', { kind: 'oauth-client', id: c.client_id }));
      // A public client (auth method none) has no secret to rotate.
      if (c.token_endpoint_auth_method !== 'none') fromLists.push(make(`Rotate secret of ${name}`, 'Actions', { kind: 'rotate', id: c.client_id }));
    }
    // Typed as an action, only what reads like it ("Rotate secret of CI" keeps that rotation).
    items.push(...(typedAction ? fromLists.filter((item) => matches(item.label, q)) : fromLists));
  }
  const loading = searching && (settled !== q || groups.isFetching || zones.isFetching || people.isFetching);
  return { items, loading };
}
