import { Hono } from 'hono';
import { log } from '../../log.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { ID_PATTERN } from '../ids.ts';
import { parseDomainName } from '../../dns/domain-name.ts';
import { doubledSuffixWarning, insertTxtRecord, type DnsRecordRow } from './zone.ts';

/**
 * The sandbox's stand-in for the admin's DNS provider, served at /__sandbox/dns (sandbox mode
 * only, never under /client/v4): a flat zone of TXT records where a person publishes the
 * verification records that SSO connectors and OAuth client URIs look for. Plain JSON shapes:
 * `{ records }`, `{ record, warning? }`, `{ id }`; errors are `{ errors: [{ field?, message }] }`.
 */

/** A zone big enough for any demo; the cap keeps a runaway script from filling the disk. */
export const MAX_SANDBOX_DNS_RECORDS = 1000;
/** A TXT record holds at most 255-byte strings; providers accept a few of them joined. */
export const MAX_TXT_CONTENT = 2048;

class DnsError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly errors: Array<{ field?: string; message: string }>,
  ) {
    super(errors.map((e) => e.message).join('; '));
  }
}

function recordResource(row: DnsRecordRow) {
  const warning = doubledSuffixWarning(row.name);
  return { id: row.id, name: row.name, type: row.type, content: row.content, created_on: row.created_on, ...(warning ? { warning } : {}) };
}

function recordName(field: string, value: string): string {
  const check = parseDomainName(value, { recordName: true });
  if (!check.ok) {
    const hint = value === '@' ? 'enter the full name, e.g. example.com' : check.message;
    throw new DnsError(400, [{ field, message: `${field}: ${hint}` }]);
  }
  return check.value;
}

const createBody = z.strictObject({
  name: z.string().max(254),
  type: z.literal('TXT', { error: 'only TXT records can be published in the sandbox zone' }),
  content: z
    .string()
    .min(1)
    .max(MAX_TXT_CONTENT)
    .refine((v) => !/\p{Cc}/u.test(v), 'must not contain control characters or line breaks')
    // DNS providers take zone-file quoting ("value") and publish the bare value; so does the sandbox.
    .transform((v) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v))
    .refine((v) => v.length > 0, 'must not be empty'),
});

export function createSandboxDnsApi({ db }: { db: Db }): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof DnsError) return c.json({ errors: err.errors }, err.status);
    log.error('sandbox dns: unexpected error', err instanceof Error ? err.message : err);
    return c.json({ errors: [{ message: 'Internal error' }] }, 500);
  });

  app.get('/records', (c) => {
    const name = c.req.query('name');
    const rows = (
      name === undefined
        ? db.prepare('SELECT * FROM sandbox_dns_records ORDER BY name, created_on, rowid').all()
        : db
            .prepare('SELECT * FROM sandbox_dns_records WHERE name = ? ORDER BY created_on, rowid')
            .all(recordName('name', name))
    ) as DnsRecordRow[];
    return c.json({ records: rows.map(recordResource) });
  });

  app.post('/records', async (c) => {
    // A JSON content type cannot be sent cross-site without a preflight: no record from a stray form.
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new DnsError(415, [{ message: 'Send the record as JSON (Content-Type: application/json)' }]);
    }
    let json: unknown;
    try {
      json = JSON.parse(await c.req.text());
    } catch {
      throw new DnsError(400, [{ message: 'Malformed JSON in request body' }]);
    }
    const parsed = createBody.safeParse(json);
    if (!parsed.success) {
      throw new DnsError(
        400,
        parsed.error.issues.flatMap((issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => ({ field: key, message: `${key}: unknown field` }))
            : [{ field: issue.path.length ? String(issue.path[0]) : undefined, message: `${issue.path.length ? String(issue.path[0]) : 'request body'}: ${issue.message}` }],
        ),
      );
    }
    const name = recordName('name', parsed.data.name);
    const { content } = parsed.data;
    const row = db.transaction(() => {
      if (db.prepare("SELECT 1 FROM sandbox_dns_records WHERE name = ? AND type = 'TXT' AND content = ?").get(name, content)) {
        throw new DnsError(409, [{ field: 'content', message: `An identical TXT record already exists at ${name}` }]);
      }
      const { n } = db.prepare('SELECT COUNT(*) AS n FROM sandbox_dns_records').get() as { n: number };
      if (n >= MAX_SANDBOX_DNS_RECORDS) {
        throw new DnsError(400, [{ message: `The sandbox zone is full (${MAX_SANDBOX_DNS_RECORDS} records); delete some first` }]);
      }
      return insertTxtRecord(db, name, content);
    })();
    const resource = recordResource(row);
    return c.json({ record: resource, ...(resource.warning ? { warning: resource.warning } : {}) }, 201);
  });

  app.delete('/records/:id', (c) => {
    const id = c.req.param('id');
    if (!ID_PATTERN.test(id)) throw new DnsError(400, [{ field: 'id', message: 'id: must be a 32-character hex identifier' }]);
    const { changes } = db.prepare('DELETE FROM sandbox_dns_records WHERE id = ?').run(id);
    if (changes === 0) throw new DnsError(404, [{ field: 'id', message: 'DNS record not found' }]);
    return c.json({ id });
  });

  return app;
}
