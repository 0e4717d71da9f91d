import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '@/lib/group-export';
import { importRefusals } from './import-refusals';

const ACCOUNT = `com.cloudflare.api.account.${'a'.repeat(32)}`;
const ZONE = `com.cloudflare.api.account.zone.${'1'.repeat(32)}`;
const catalogue = [
  { id: 'pg-dns', name: 'Zone DNS Edit', meta: { label: 'dns_edit', scopes: 'com.cloudflare.api.account.zone' } },
  { id: 'pg-bill', name: 'Billing', meta: { label: 'billing', scopes: ['com.cloudflare.api.account'] } },
];
const resourceGroups = [{ id: 'rg-all', name: 'All of Acme Corp', scope: [{ key: ACCOUNT, objects: [{ key: ACCOUNT }] }] }];
const source = { id: 'x', scope: [{ key: ACCOUNT, objects: [{ key: ZONE }] }] };

describe('import dry run: rule 1006', () => {
  it('names the policies whose pairing the API refuses, whether the resource group exists, is created or inline', () => {
    const plan: Pick<ImportPlan, 'policies'> = {
      policies: [
        { access: 'allow', permissionGroups: [{ kind: 'found', id: 'pg-dns', name: 'Zone DNS Edit', matchedBy: 'name' }], resourceGroups: [{ kind: 'existing', id: 'rg-all', name: 'All of Acme Corp', matchedBy: 'name', scopeDiffers: false, source }] },
        { access: 'allow', permissionGroups: [{ kind: 'found', id: 'pg-bill', name: 'Billing', matchedBy: 'id' }], resourceGroups: [{ kind: 'create', name: 'Shop', scope: { key: ACCOUNT, objects: [{ key: ZONE }] }, source }] },
        { access: 'allow', permissionGroups: [{ kind: 'found', id: 'pg-dns', name: 'Zone DNS Edit', matchedBy: 'id' }], resourceGroups: [{ kind: 'inline', scope: { key: ZONE, objects: [{ key: '*' }] }, source }] },
        { access: 'allow', permissionGroups: [{ kind: 'found', id: 'pg-bill', name: 'Billing', matchedBy: 'id' }], resourceGroups: [{ kind: 'inline', scope: { key: ZONE, objects: [{ key: '*' }] }, source }], dropped: 'nothing left' },
      ],
    };
    const refusals = importRefusals(plan, catalogue, resourceGroups);
    expect([...refusals.keys()]).toEqual([0, 1]);
    expect(refusals.get(0)!.map((w) => w.message)).toEqual(['“Zone DNS Edit” acts on zones; “All of Acme Corp” is the whole account.']);
    expect(refusals.get(1)!.map((w) => [w.message, w.certain])).toEqual([['“Billing” acts on the whole account; “Shop” acts on zones.', true]]);
  });
});
