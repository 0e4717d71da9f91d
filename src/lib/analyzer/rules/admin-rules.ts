import { ADMIN_PERMISSION_GROUPS, SUPER_ADMINISTRATOR, adminGrant } from '../admin-roles';
import type { Finding } from '../finding';
import type { SnapshotIndex } from '../snapshot-index';
import { groupObject, memberObject } from './objects';
import { pluralize } from '../../format';

/** Account-wide admin grants: which groups give them and how many people end up holding them. */
export function adminGrantFindings(index: SnapshotIndex): Finding[] {
  const findings: Finding[] = [];
  for (const name of ADMIN_PERMISSION_GROUPS) {
    const grant = adminGrant(index, name);
    if (!grant) continue;
    const isSuper = name === SUPER_ADMINISTRATOR;
    findings.push({
      id: `admin-grant:${grant.permissionGroup.id}`,
      kind: 'admin-grant',
      severity: isSuper ? 'warning' : 'info',
      title: `${grant.permissionGroup.name}: ${pluralize(grant.holders.length, 'person', 'people')} through ${[
        grant.groups.length ? pluralize(grant.groups.length, 'group') : '',
        grant.direct.length ? `${pluralize(grant.direct.length, 'direct grant')} (role or member policy)` : '',
      ]
        .filter(Boolean)
        .join(' and ')}`,
      why: isSuper
        ? 'A super administrator can do anything in the account, including changing who has access, so every extra one widens what one stolen login can do.'
        : 'An administrator can change almost everything in the account, so the fewer people hold it, the smaller a mistake or a stolen login can be.',
      affected: [
        { kind: 'permission-group', id: grant.permissionGroup.id, name: grant.permissionGroup.name },
        ...grant.groups.map(groupObject),
        ...grant.holders.map(memberObject),
      ],
      fix: {
        action: [
          grant.groups.length ? `Review who is in ${grant.groups.map((g) => g.name).join(', ')}` : '',
          grant.direct.length ? `${grant.groups.length ? 'review' : 'Review'} the members holding it directly (${grant.direct.map((m) => m.email).join(', ')})` : '',
        ]
          .filter(Boolean)
          .join(', and ')
          .concat(', and keep this role to a few named people.'),
        target: grant.groups[0] ? { screen: 'group-members', groupId: grant.groups[0].id } : { screen: 'member', memberId: grant.direct[0]!.id },
      },
    });
  }
  return findings;
}
