import { describe, expect, it } from 'vitest';
import { HclSyntaxError, parseHcl } from './hcl-parser';
import { hclString } from './hcl-writer';

describe('HCL parser', () => {
  it('reads blocks, labels, nested lists and objects, references and comments of every kind', () => {
    const body = parseHcl(`
# a comment
resource "cloudflare_user_group" "ops" { // trailing
  name = "Ops { not a block } # not a comment"
  /* a
     block comment */
  policies = [
    { access = "allow", permission_groups = [{ id = "a" }], resource_groups = [] },
  ]
  enabled = true
  n = -1.5
}
import {
  to = cloudflare_user_group.ops
  id = "acct/1"
}
`);
    expect(body.blocks.map((b) => [b.type, b.labels])).toEqual([
      ['resource', ['cloudflare_user_group', 'ops']],
      ['import', []],
    ]);
    const attrs = body.blocks[0]!.body.attributes;
    expect(attrs.name!.value).toBe('Ops { not a block } # not a comment');
    expect(attrs.policies!.value).toEqual([{ access: 'allow', permission_groups: [{ id: 'a' }], resource_groups: [] }]);
    expect(attrs.enabled!.value).toBe(true);
    expect(attrs.n!.value).toBe(-1.5);
    expect(body.blocks[1]!.body.attributes.to!.value).toEqual({ $ref: 'cloudflare_user_group.ops' });
  });

  it('round-trips any name through the writer’s string literal, templates included', () => {
    for (const name of ['plain', 'quote " and \\ backslash', 'line\nbreak\ttab', '${var.x} and %{ if }', 'emoji 🚀 and ünïcödé', '\u0001']) {
      expect(parseHcl(`x = ${hclString(name)}\n`).attributes.x!.value).toBe(name);
    }
  });

  it('refuses what it cannot read exactly, naming line and column', () => {
    const cases: Array<[string, RegExp]> = [
      ['resource "a" "b" {\n  name = "x\n}', /Line 2, column 10: a string is not closed/],
      ['resource "a" "b" {\n  name = "${var.n}"\n}', /Line 2.*templates/],
      ['x = upper("a")', /function calls/],
      ['resource "a" "b" {\n  name = "x"\n', /expected an attribute or “}”, found the end of the file/],
      ['x = [1 2]', /expected “,” or “]”/],
      ['x = 1\nx = 2', /set twice/],
      ['x = <<EOT\nhi\nEOT', /heredoc/],
    ];
    for (const [source, message] of cases) {
      expect(() => parseHcl(source), source).toThrow(HclSyntaxError);
      expect(() => parseHcl(source), source).toThrow(message);
    }
  });
});
