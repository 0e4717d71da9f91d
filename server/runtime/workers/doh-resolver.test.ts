import { describe, expect, it } from 'vitest';
import { dohResolver, txtChunks } from './doh-resolver.ts';

/** A DNS-over-HTTPS server answering from a table keyed by `name type`. */
function fakeDoh(answers: Record<string, { Status: number; Answer?: Array<{ type: number; data: string }> }>): typeof fetch {
  return async (input) => {
    const url = new URL(String(input));
    const body = answers[`${url.searchParams.get('name')} ${url.searchParams.get('type')}`] ?? { Status: 0 };
    return Response.json(body);
  };
}

describe('DNS over HTTPS resolver (Workers)', () => {
  it('reads TXT values as their character-strings', async () => {
    const resolver = dohResolver(fakeDoh({ 'acme.com TXT': { Status: 0, Answer: [{ type: 16, data: '"cf-verify=" "abc"' }] } }));
    expect(await resolver.resolveTxt('acme.com')).toEqual([['cf-verify=', 'abc']]);
    expect(txtChunks('"a\\"b"')).toEqual(['a"b']);
  });

  it('answers SOA only at a zone apex, and NS hosts without the trailing dot', async () => {
    const resolver = dohResolver(
      fakeDoh({
        'acme.com SOA': { Status: 0, Answer: [{ type: 6, data: 'lara.ns.cloudflare.com. dns.cloudflare.com. 1 2 3 4 5' }] },
        'eu.acme.com SOA': { Status: 0 },
        'acme.com NS': { Status: 0, Answer: [{ type: 2, data: 'lara.ns.cloudflare.com.' }] },
      }),
    );
    await expect(resolver.resolveSoa('acme.com')).resolves.toMatch(/^lara/);
    await expect(resolver.resolveSoa('eu.acme.com')).rejects.toMatchObject({ code: 'ENODATA' });
    expect(await resolver.resolveNs('acme.com')).toEqual(['lara.ns.cloudflare.com']);
  });

  it('reports no such name and a failing resolver with the codes node:dns uses', async () => {
    const resolver = dohResolver(fakeDoh({ 'gone.example TXT': { Status: 3 }, 'broken.example TXT': { Status: 2 } }));
    await expect(resolver.resolveTxt('gone.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolveTxt('broken.example')).rejects.toMatchObject({ code: 'ESERVFAIL' });
  });
});
