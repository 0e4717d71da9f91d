import { describe, expect, it } from 'vitest';
import { permissionGroup } from '../db/seed-catalogue-permission-groups.ts';
import { ACCOUNT_WIDE_RESOURCE_GROUP_ID } from '../db/seed-company.ts';
import { ACCOUNT, createTestSandbox } from '../test-support.ts';

/** TODAY.md row 27: per-Worker resource keys, and rule 1006 with Workers as a third class of resource. */
const iam = `/accounts/${ACCOUNT}/iam`;
const accountKey = `com.cloudflare.api.account.${ACCOUNT}`;
const worker = (n: number) => `com.cloudflare.api.account.worker.${n.toString(16).padStart(32, 'a')}`;

async function setup(shapes: 'today' | '2024' = 'today') {
  const sandbox = createTestSandbox('default', 0, shapes);
  const { call } = sandbox;
  const workers = (await call('POST', `${iam}/resource_groups`, { name: 'Two Workers', scope: { key: accountKey, objects: [{ key: worker(1) }, { key: worker(2) }] } })).body.result;
  const zones = (await call('GET', `${iam}/resource_groups`)).body.result.find((rg: any) => rg.name === 'Production zones');
  const group = (await call('POST', `${iam}/user_groups`, { name: 'Workers team' })).body.result;
  const grant = (pg: string, rg: string) =>
    call('PUT', `${iam}/user_groups/${group.id}`, { policies: [{ access: 'allow', permission_groups: [{ id: permissionGroup(pg).id }], resource_groups: [{ id: rg }] }] });
  return { ...sandbox, workers, zones, group, grant };
}

describe('Workers as resources', () => {
  it('creates a resource group of Workers and answers its scope as sent', async () => {
    const { workers } = await setup();
    expect(workers.scope).toEqual({ key: accountKey, objects: [{ key: worker(1) }, { key: worker(2) }] });
  });

  it('grants a Workers role on Workers or on the whole account, and says so in meta.scopes', async () => {
    const { grant, workers, call } = await setup();
    expect((await grant('Workers Editor', workers.id)).status).toBe(200);
    expect((await grant('Workers Admin', ACCOUNT_WIDE_RESOURCE_GROUP_ID)).status).toBe(200);
    const pg = (await call('GET', `${iam}/permission_groups/${permissionGroup('Workers Editor').id}`)).body.result;
    expect(pg.meta.scopes).toEqual(['com.cloudflare.api.account', 'com.cloudflare.api.account.worker']);
  });

  it.each([
    ['an account-level group on Workers', 'Administrator', 'workers'],
    ['a zone-level group on Workers', 'DNS', 'workers'],
    ['a Workers role on zones', 'Workers Editor', 'zones'],
  ] as const)('refuses %s with 1006', async (_, pg, on) => {
    const sandbox = await setup();
    const res = await sandbox.grant(pg, sandbox[on].id);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 1006, source: { pointer: '/policies/0/permission_groups/0/id' } })]);
  });

  it('refuses to turn a granted group of Workers into zones (1006), and the 2024 era explains the clash', async () => {
    const { grant, workers, call } = await setup();
    expect((await grant('Workers Editor', workers.id)).status).toBe(200);
    const res = await call('PUT', `${iam}/resource_groups/${workers.id}`, { scope: { key: accountKey, objects: [{ key: `com.cloudflare.api.account.zone.${'b'.repeat(32)}` }] } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 1006, source: { pointer: '/scope' } });

    const older = await setup('2024');
    const refused = await older.grant('Administrator', older.workers.id);
    expect(refused.body.errors[0]!.message).toContain('"Administrator" acts on the account and cannot be granted on resource group "Two Workers", which acts on Workers');
  });
});
