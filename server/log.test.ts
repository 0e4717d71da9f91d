import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './runtime/node/app.ts';
import { loadConfig } from './config.ts';
import { clearSecrets, log, redact, registerConfiguredSecrets, registerSecret, setLogSink } from './log.ts';

const TOKEN = 'cf-token-9f8e7d6c5b4a39281706';
const KEY = 'globalkey0123456789abcdef';
const EMAIL = 'admin@acme-corp.com';

function capture() {
  const lines: string[] = [];
  const restore = setLogSink({ log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { lines, restore };
}

afterEach(() => clearSecrets());

describe('redacting logger', () => {
  it('removes the configured credential values wherever they appear', () => {
    registerConfiguredSecrets({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_KEY: KEY, CLOUDFLARE_EMAIL: EMAIL });
    const out = redact(`calling with ${TOKEN} as ${EMAIL} key=${KEY}; url=https://x/${TOKEN}/y`);
    for (const secret of [TOKEN, KEY, EMAIL]) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it.each([
    ['Authorization: Bearer abc.def-ghi', 'abc.def-ghi'],
    ['{"authorization":"Bearer zzz999"}', 'zzz999'],
    ['{"client_secret":"cs_live_abcdef123456","client_id":"x"}', 'cs_live_abcdef123456'],
    ['"{\\"client_secret\\": \\"nested_secret_value\\"}"', 'nested_secret_value'],
    ['GET /?token=LaunchSecret123&x=1', 'LaunchSecret123'],
    ['GET /groups?page=2&token=AnotherSecret99', 'AnotherSecret99'],
    ['X-Auth-Key: 0123456789abcdef0123', '0123456789abcdef0123'],
    ['x-auth-email=someone@example.com', 'someone@example.com'],
  ])('removes the secret in %s', (input, secret) => {
    const out = redact(input);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('leaves ordinary lines alone', () => {
    expect(redact('Sandbox mode: .data/sandbox.db (seed: default)')).toBe('Sandbox mode: .data/sandbox.db (seed: default)');
    expect(redact('client_id=abc tokens=3')).toBe('client_id=abc tokens=3');
  });

  it('every level goes through redaction, Errors and objects included', () => {
    registerSecret(TOKEN);
    const { lines, restore } = capture();
    try {
      log.info('info', TOKEN);
      log.warn({ headers: { authorization: `Bearer ${TOKEN}` } });
      log.error(new Error(`upstream refused ${TOKEN}`));
    } finally {
      restore();
    }
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });

  it('the server logs its unexpected errors through it', async () => {
    registerSecret(TOKEN);
    const config = loadConfig({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_BASE: 'http://upstream.test/client/v4' });
    const fetchImpl = (async () => {
      throw new Error(`connect ECONNREFUSED while sending Bearer ${TOKEN}`);
    }) as typeof fetch;
    const app = createApp({ config, db: null, serveSpa: false, fetchImpl, security: { session: false } });
    const { lines, restore } = capture();
    let res: Response;
    try {
      res = await app.request('/client/v4/accounts', { headers: { 'x-iam-console': '1' } });
    } finally {
      restore();
    }
    expect(res.status).toBe(502);
    expect(((await res.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBeGreaterThanOrEqual(1000);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('ECONNREFUSED');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
