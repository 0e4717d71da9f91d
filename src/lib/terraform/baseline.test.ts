import { describe, expect, it } from 'vitest';
import { admitsMinimum, loadBaseline, MAX_BASELINE_BYTES } from './baseline';
import { compareBaseline, notInCode } from './drift';
import { emptyNames } from './model';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const OTHER = 'ffffffffffffffffffffffffffffffff';
const GROUP = '4a92f1fdfdaa426fe949ec6fc35420ad';

function state(resources: unknown[], version = 4) {
  return JSON.stringify({ version, terraform_version: '1.9.0', serial: 1, lineage: 'x', outputs: {}, resources });
}
const groupInState = (account = ACCOUNT, extra: Record<string, unknown> = {}) => ({
  mode: 'managed',
  type: 'cloudflare_user_group',
  name: 'ops',
  provider: 'provider["registry.terraform.io/cloudflare/cloudflare"]',
  instances: [{ schema_version: 0, attributes: { id: GROUP, account_id: account, name: 'Ops', policies: [{ access: 'allow', permission_groups: [{ id: 'p1' }], resource_groups: [{ id: 'r1' }] }], created_on: '2026-01-01T00:00:00Z', ...extra }, sensitive_attributes: [] }],
});

describe('loading a baseline', () => {
  it('reads a state file (version 4) and the JSON of terraform show -json alike', () => {
    const fromState = loadBaseline(state([groupInState()]), ACCOUNT);
    const show = JSON.stringify({
      format_version: '1.0',
      terraform_version: '1.9.0',
      values: { root_module: { resources: [{ address: 'cloudflare_user_group.ops', mode: 'managed', type: 'cloudflare_user_group', name: 'ops', provider_name: 'registry.terraform.io/cloudflare/cloudflare', values: groupInState().instances[0]!.attributes, sensitive_values: {} }] } },
    });
    const fromShow = loadBaseline(show, ACCOUNT);
    expect(fromState.ok && fromState.baseline.resources).toEqual([{ type: 'cloudflare_user_group', resourceName: 'ops', id: GROUP, name: 'Ops', policies: [{ access: 'allow', permission_groups: ['p1'], resource_groups: ['r1'] }] }]);
    expect(fromShow.ok && fromShow.baseline.resources).toEqual(fromState.ok && fromState.baseline.resources);
  });

  it('refuses another account’s state, naming it, and reads nothing', () => {
    const result = loadBaseline(state([groupInState(OTHER)]), ACCOUNT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(OTHER);
    expect(result.message).toContain('Nothing was read');
    expect(result.skipped).toEqual([expect.objectContaining({ what: 'cloudflare_user_group.ops', kind: 'other-account' })]);
  });

  it('skips unknown types and data sources by name, and keeps what it knows', () => {
    const zone = { mode: 'managed', type: 'cloudflare_zone', name: 'main', provider: 'provider["registry.terraform.io/cloudflare/cloudflare"]', instances: [{ attributes: { id: 'z', api_token: 'SECRET-VALUE' } }] };
    const data = { mode: 'data', type: 'cloudflare_user_group', name: 'x', provider: 'provider["registry.terraform.io/cloudflare/cloudflare"]', instances: [{ attributes: { id: 'd' } }] };
    const result = loadBaseline(state([zone, data, groupInState()]), ACCOUNT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.baseline.skipped.map((s) => [s.what, s.kind])).toEqual([
      ['cloudflare_zone.main', 'unknown-type'],
      ['data.cloudflare_user_group.x', 'unknown-type'],
    ]);
    // Values of skipped resources (secrets among them) are never copied out.
    expect(JSON.stringify(result)).not.toContain('SECRET-VALUE');
  });

  it('refuses state written by a provider older than 5.19 and code pinned below it', () => {
    const v4Member = { mode: 'managed', type: 'cloudflare_account_member', name: 'm', provider: 'provider["registry.terraform.io/cloudflare/cloudflare"]', instances: [{ attributes: { id: 'm1', account_id: ACCOUNT, email_address: 'a@b.c', role_ids: ['r'] } }] };
    const old = loadBaseline(state([v4Member]), ACCOUNT);
    expect(!old.ok && old.skipped[0]).toMatchObject({ kind: 'old-provider' });
    const pinned = loadBaseline('terraform {\n  required_providers {\n    cloudflare = {\n      source = "cloudflare/cloudflare"\n      version = "~> 5.18.0"\n    }\n  }\n}\n', ACCOUNT);
    expect(pinned.ok).toBe(false);
    expect(!pinned.ok && pinned.message).toMatch(/~> 5\.18\.0.*5\.19\.0 or newer/);
    expect([admitsMinimum('~> 5.18'), admitsMinimum('>= 5.19.0'), admitsMinimum('~> 5.18.0'), admitsMinimum('< 5.19'), admitsMinimum('5.18.2'), admitsMinimum('~> 4.0'), admitsMinimum('>= 4, < 6')]).toEqual([
      true, true, false, false, false, false, true,
    ]);
  });

  it('says what is wrong with malformed JSON, HCL, other JSON, another state version and a file too big', () => {
    const message = (text: string) => {
      const r = loadBaseline(text, ACCOUNT);
      return r.ok ? 'ok' : r.message;
    };
    expect(message('{"version": 4, "resources": [')).toMatch(/not valid JSON/);
    expect(message('resource "cloudflare_user_group" "x" {\n  name = \n}')).toMatch(/Line 2, column 10/);
    expect(message('{"hello": "world"}')).toMatch(/neither a Terraform state file/);
    expect(message(state([groupInState()], 3))).toMatch(/format version 3; this console reads version 4/);
    expect(message(' '.repeat(MAX_BASELINE_BYTES + 1))).toMatch(/at most 30 MB/);
  });

  it('reads exported HCL through its import blocks, and needs one for each resource', () => {
    const hcl = `import {\n  to = cloudflare_user_group.ops\n  id = "${ACCOUNT}/${GROUP}"\n}\nresource "cloudflare_user_group" "ops" {\n  account_id = "${ACCOUNT}"\n  name = "Ops"\n}\nresource "cloudflare_user_group_members" "ops" {\n  account_id = "${ACCOUNT}"\n  user_group_id = cloudflare_user_group.ops.id\n  members = [{ id = "m1" }]\n}\nresource "cloudflare_user_group" "loose" {\n  account_id = "${ACCOUNT}"\n  name = "No import"\n}\n`;
    const result = loadBaseline(hcl, ACCOUNT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.baseline.resources.map((r) => [r.type, r.id])).toEqual([['cloudflare_user_group', GROUP]]);
    expect(result.baseline.skipped.map((s) => [s.what, s.kind])).toEqual([
      ['cloudflare_user_group_members.ops', 'no-id'],
      ['cloudflare_user_group.loose', 'no-id'],
    ]);
  });
});

describe('drift', () => {
  const names = { ...emptyNames(), permissionGroups: { p1: 'DNS Read', p2: 'Administrator' }, resourceGroups: { r1: 'All zones' }, members: { m1: 'ann@x.io', m2: 'bo@x.io' }, groups: { [GROUP]: 'Ops' } };
  const code = { type: 'cloudflare_user_group' as const, resourceName: 'ops', id: GROUP, name: 'Ops', policies: [{ access: 'allow' as const, permission_groups: ['p1'], resource_groups: ['r1'] }] };

  it('reports an added policy as one addition, in names', () => {
    const live = { ...code, policies: [{ access: 'allow' as const, permission_groups: ['p2'], resource_groups: ['r1'] }, ...code.policies] };
    const [item] = compareBaseline([code], { resources: [live], skipped: [], names });
    expect(item!.status).toBe('changed');
    expect(item!.changes).toEqual([{ field: 'policies #1', code: '(none)', live: 'allow Administrator on All zones' }]);
  });

  it('reports members added and removed by email, order alone as order, and a deleted group as gone', () => {
    const members = { type: 'cloudflare_user_group_members' as const, resourceName: 'ops', id: GROUP, members: ['m1', 'm2'] };
    expect(compareBaseline([members], { resources: [{ ...members, members: ['m2'] }], skipped: [], names })[0]!.changes).toEqual([{ field: 'members', code: 'has ann@x.io', live: '—' }]);
    expect(compareBaseline([members], { resources: [{ ...members, members: ['m2', 'm1'] }], skipped: [], names })[0]!.changes[0]!.live).toMatch(/another order/);
    expect(compareBaseline([code], { resources: [], skipped: [], names: emptyNames() })[0]!.status).toBe('gone');
  });

  it('names what the account has that the code does not', () => {
    const other = { ...code, id: 'g2', name: 'Made by hand' };
    expect(notInCode([code], { resources: [code, other], skipped: [], names })).toEqual([{ key: 'cloudflare_user_group:g2', label: 'User group Made by hand' }]);
  });
});
