import { describe, expect, it } from 'vitest';
import { curlCommand, shellQuote } from './curl';
import { joinNames, policyZoneNames, summarizePolicy } from './policy-summary';

const ACCOUNT_KEY = `com.cloudflare.api.account.${'a'.repeat(32)}`;
const zone = (c: string) => `com.cloudflare.api.account.zone.${c.repeat(32)}`;
const zones = (...cs: string[]) => [{ key: ACCOUNT_KEY, objects: cs.map((c) => ({ key: zone(c) })) }];

describe('a policy in plain language', () => {
  it('counts distinct zones across resource groups', () => {
    expect(
      summarizePolicy({
        access: 'allow',
        permissionGroups: ['DNS Write', 'Zone Read'],
        resources: [
          { label: 'Production', scope: zones('1', '2') },
          { label: 'Marketing', scope: zones('2', '3') },
        ],
      }),
    ).toBe('Allows DNS Write and Zone Read on 3 zones (Production and Marketing)');
  });

  it('says "the whole account" and "Denies"', () => {
    expect(summarizePolicy({ access: 'deny', permissionGroups: ['Billing'], resources: [{ label: 'All', scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] }] })).toBe(
      'Denies Billing on the whole account (All)',
    );
  });

  it('falls back on labels when scopes are unknown, and says what is missing', () => {
    expect(summarizePolicy({ access: 'allow', permissionGroups: ['A', 'B', 'C', 'D', 'E'], resources: [{ label: 'X' }] })).toBe('Allows A, B, C and 2 more on X');
    expect(summarizePolicy({ access: 'allow', permissionGroups: [], resources: [] })).toBe('Allows nothing yet: choose permission groups and resource groups');
    expect(summarizePolicy({ access: 'deny', permissionGroups: ['DNS'], resources: [] })).toMatch(/choose resource groups$/);
    expect(summarizePolicy({ access: 'allow', permissionGroups: [], resources: [{ label: 'One', scope: zones('1') }] })).toBe(
      'Allows nothing yet on 1 zone (One): choose permission groups',
    );
  });

  it('names the zones it reaches: the first three, then how many more', () => {
    const domains: Record<string, string> = { '1': 'acme.com', '2': 'acme.io', '3': 'acmeshop.com', '4': 'acme.de', '5': 'acme.dev' };
    const names = { zone: (id: string) => ({ state: 'found' as const, name: domains[id[0]!]! }) };
    const input = (resources: Parameters<typeof summarizePolicy>[0]['resources']) => ({ access: 'allow' as const, permissionGroups: ['Zone Read'], resources, names });
    expect(summarizePolicy(input([{ label: 'Customer-facing', scope: zones('1', '2', '3') }, { label: 'Staging', scope: zones('4', '5') }]))).toBe(
      'Allows Zone Read on 5 zones (Customer-facing and Staging): acme.com, acme.de, acme.dev and 2 more',
    );
    expect(policyZoneNames([{ label: 'Customer-facing', scope: zones('1', '2', '3') }, { label: 'Staging', scope: zones('4', '5') }], names)).toEqual([
      'acme.com',
      'acme.de',
      'acme.dev',
      'acme.io',
      'acmeshop.com',
    ]);
    // Labels that already name every zone are not repeated; the whole account names no zones.
    expect(summarizePolicy(input([{ label: 'Shop – acmeshop.com', scope: zones('3') }]))).toBe('Allows Zone Read on 1 zone (Shop – acmeshop.com)');
    expect(policyZoneNames([{ label: 'All', scope: [{ key: ACCOUNT_KEY, objects: [{ key: '*' }] }] }], names)).toEqual([]);
  });

  it('joins names', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('copy as curl', () => {
  it('targets the real API with a placeholder token and quotes the body for the shell', () => {
    const cmd = curlCommand('PUT', '/accounts/x/iam/user_groups/y', { policies: [{ note: "it's" }] });
    expect(cmd).toContain("curl -X PUT 'https://api.cloudflare.com/client/v4/accounts/x/iam/user_groups/y'");
    expect(cmd).toContain('Authorization: Bearer $CLOUDFLARE_API_TOKEN');
    expect(cmd).toContain(`--data '{"policies":[{"note":"it'\\''s"}]}'`);
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});
