import { describe, expect, it } from 'vitest';
import { describeChange } from './describe-change';

const names = { accountId: 'a'.repeat(32), accountName: 'Acme' };
const dnsRead = { id: 'pg1', name: 'DNS Read' };
const billing = { id: 'pg2', name: 'Billing' };
const prod = { id: 'rg1', name: 'Production zones', scope: [{ key: `com.cloudflare.api.account.${'a'.repeat(32)}`, objects: [{ key: `com.cloudflare.api.account.zone.${'1'.repeat(32)}` }] }] };
const group = (policies: unknown[], name = 'Ops') => ({ id: 'g', name, modified_on: 'x', policies });

describe('describeChange', () => {
  it('names policies added, removed and changed, with allow/deny', () => {
    const before = group([{ id: 'p1', access: 'allow', permission_groups: [dnsRead], resource_groups: [prod] }]);
    const after = group(
      [
        { id: 'p1', access: 'deny', permission_groups: [dnsRead, billing], resource_groups: [prod] },
        { id: 'p2', access: 'allow', permission_groups: [billing], resource_groups: [prod] },
      ],
      'Operations',
    );
    const { lines } = describeChange({ action: 'update', resource: { type: 'user_group' }, before, after }, names);
    const texts = lines.map((l) => l.text);
    expect(texts).toContain('name: Ops → Operations');
    expect(texts).toContain('Policy added: Allows Billing on 1 zone (Production zones)');
    expect(texts).toContain('Policy “Allows DNS Read on 1 zone (Production zones)”: allow → deny');
    expect(texts).toContain('Policy “Allows DNS Read on 1 zone (Production zones)”: + permission group Billing');
    expect(texts.join(' ')).not.toMatch(/pg1|pg2|rg1/);
  });

  it('names zones by domain, an inline zone scope (named by its account key) included', () => {
    const zoneNames = { ...names, zone: (id: string) => (id === '1'.repeat(32) ? { state: 'found' as const, name: 'acme.io' } : undefined) };
    const accountKey = `com.cloudflare.api.account.${'a'.repeat(32)}`;
    const adhoc = { id: 'rg2', name: accountKey, scope: { key: accountKey, objects: [{ key: `com.cloudflare.api.account.zone.${'1'.repeat(32)}` }] } };
    const after = group([{ id: 'p1', access: 'deny', permission_groups: [dnsRead], resource_groups: [adhoc] }]);
    const { lines } = describeChange({ action: 'update', resource: { type: 'user_group' }, before: group([]), after }, zoneNames);
    expect(lines.map((l) => l.text)).toEqual(['Policy added: Denies DNS Read on 1 zone (acme.io)']);
    // A named group of several zones lists them after its name.
    const two = { ...prod, scope: [{ ...prod.scope[0]!, objects: [...prod.scope[0]!.objects, { key: `com.cloudflare.api.account.zone.${'2'.repeat(32)}` }] }] };
    const both = describeChange({ action: 'update', resource: { type: 'user_group' }, before: group([]), after: group([{ access: 'allow', permission_groups: [dnsRead], resource_groups: [two] }]) }, zoneNames);
    expect(both.lines.map((l) => l.text)).toEqual(['Policy added: Allows DNS Read on 2 zones (Production zones): acme.io and Zone 2222…2222']);
  });

  it('names members added and removed by email', () => {
    const { lines } = describeChange(
      { action: 'replace_members', resource: { type: 'user_group_members' }, before: [{ id: 'm1', email: 'a@x.io' }], after: [{ id: 'm2', email: 'b@x.io' }] },
      names,
    );
    expect(lines).toEqual([
      { tone: 'plus', text: 'Member added: b@x.io' },
      { tone: 'minus', text: 'Member removed: a@x.io' },
    ]);
  });

  it('lists field changes and list entries for other resources, ignoring timestamps', () => {
    const { lines } = describeChange(
      {
        action: 'update',
        resource: { type: 'oauth_client' },
        before: { client_name: 'Bot', redirect_uris: ['https://a/cb'], updated_at: '1' },
        after: { client_name: 'Deploy bot', redirect_uris: ['https://a/cb', 'https://b/cb'], updated_at: '2' },
      },
      names,
    );
    expect(lines.map((l) => l.text)).toEqual(['client name: Bot → Deploy bot', 'redirect uris: + https://b/cb']);
  });

  it('shows a refused save as refused, with its error, not as a made-up diff', () => {
    const refused = describeChange(
      {
        action: 'update',
        resource: { type: 'user_group' },
        before: group([], 'Legal & Compliance'),
        after: null,
        result: { success: false, errors: [{ code: 1006, message: 'invalid permission group and resource group combination' }] },
      },
      names,
    );
    expect(refused.lines).toEqual([]);
    expect(refused.note).toBe('Nothing changed: the API refused this request: invalid permission group and resource group combination (1006).');
  });

  it('says plainly when nothing was recorded', () => {
    expect(describeChange({ action: 'update', resource: { type: 'sso_connector' }, before: null, after: null }, names).note).toMatch(/No before or after/);
  });
});
