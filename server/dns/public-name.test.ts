import { describe, expect, it } from 'vitest';
import { publicDnsNameProblem } from './public-name.ts';

describe('public DNS names', () => {
  it.each(['metadata.google.internal', 'printer.lan', 'db.corp', 'nas.local', 'localhost', 'intranet', '10.0.0.1', 'x.home.arpa', 'a.test', 'a.b.localhost.'])(
    'refuses %s',
    (name) => expect(publicDnsNameProblem(name)).toMatch(/not a public DNS name/),
  );
  it.each(['acme.com', 'eu.example.co.uk', '_cf-verify.acme.io', 'xn--mnchen-3ya.de', 'shop.xn--p1ai'])('accepts %s', (name) =>
    expect(publicDnsNameProblem(name)).toBeNull(),
  );
});
