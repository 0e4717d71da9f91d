import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboardHeaders, sandboxApp, send, USER_GROUPS } from './test-apps.ts';

function cspDirectives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** `<script>` elements without a src, and on*= handler attributes: what a strict CSP would block. */
export function inlineScripts(html: string): string[] {
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\bsrc\s*=/.test(attrs ?? '') || (body ?? '').trim() !== '')
    .map(([tag]) => tag.slice(0, 80));
  const handlers = [...html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=/gi)].map((m) => m[1]!);
  return [...inline, ...handlers];
}

describe('security headers', () => {
  it('without them, nothing stops another site framing the console or sniffing a JSON answer', async () => {
    const { app } = sandboxApp({ securityHeaders: false });
    const res = await send(app, USER_GROUPS, { headers: dashboardHeaders() });
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBeNull();
  });

  it('with them: strict CSP (no inline script, no eval, no framing), nosniff, no referrer', async () => {
    const { app } = sandboxApp();
    for (const res of [
      await send(app, USER_GROUPS, { headers: dashboardHeaders() }),
      await send(app, '/console-api/mode', { headers: dashboardHeaders() }),
      // Refusals carry them too.
      await send(app, USER_GROUPS, { headers: dashboardHeaders({ host: 'evil.example:3000' }) }),
    ]) {
      const csp = cspDirectives(res.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
      expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('index.html has no inline script for the CSP to block', () => {
    expect(inlineScripts(readFileSync(new URL('../../index.html', import.meta.url), 'utf8'))).toEqual([]);
    // The detector itself finds what it must.
    expect(inlineScripts('<script>alert(1)</script><script src="/a.js"></script><img src=x onerror="x()">')).toEqual([
      '<script>alert(1)</script>',
      'onerror',
    ]);
  });
});

describe('style nonce for the dialog scroll lock', () => {
  it('each HTML page gets a fresh nonce, in its CSP style-src and in a meta tag, never unsafe-inline', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createApp } = await import('../runtime/node/app.ts');
    const { loadConfig } = await import('../config.ts');
    const { openSandboxDb } = await import('../runtime/node/open-sandbox-db.ts');
    const dist = mkdtempSync(join(tmpdir(), 'csp-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    const app = createApp({
      config: { ...loadConfig({ PORT: '3000' }), distDir: dist },
      db: openSandboxDb(':memory:', 'empty'),
    });
    const page = () => app.request('http://127.0.0.1:3000/groups', { headers: { host: '127.0.0.1:3000' } });
    const nonces = [];
    for (const res of [await page(), await page()]) {
      const html = await res.text();
      const meta = /<meta name="csp-nonce" content="([^"]+)"/.exec(html)?.[1];
      const styleSrc = cspDirectives(res.headers.get('content-security-policy')).get('style-src');
      expect(meta).toMatch(/^[A-Za-z0-9+/=]{24}$/);
      expect(styleSrc).toEqual(["'self'", `'nonce-${meta}'`]);
      expect(styleSrc).not.toContain("'unsafe-inline'");
      nonces.push(meta);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
