/**
 * One of the two processes of two-processes.test.ts: a sandbox on the given database file doing
 * `rounds` create → rename → delete cycles through the API, then printing its statuses as JSON.
 * Not a test itself (no .test.ts): the test runs two of these at once.
 */
import { createSandboxApi } from '../router.ts';
import { openSandboxDb } from '../../runtime/node/open-sandbox-db.ts';
import { DEFAULT_ACCOUNT_ID } from './seed.ts';

const [dbPath, label, roundsArg] = process.argv.slice(2);
const db = openSandboxDb(dbPath!, 'default');
const api = createSandboxApi({ db, verificationDelayMs: 0 });
const base = `/client/v4/accounts/${DEFAULT_ACCOUNT_ID}/iam/user_groups`;
const headers = { authorization: 'Bearer two-writers', 'content-type': 'application/json' };
const statuses: Record<string, number> = {};
const failures: string[] = [];

async function call(method: string, path: string, body?: unknown) {
  const res = await api.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  const json = (await res.json()) as { result: { id: string } | null; errors: Array<{ message: string }> };
  if (res.status >= 500 && failures.length < 3) failures.push(json.errors.map((e) => e.message).join('; '));
  return json;
}

for (let i = 0; i < Number(roundsArg); i++) {
  const created = await call('POST', base, { name: `${label} ${i}` });
  const id = created.result?.id;
  if (!id) continue;
  await call('PUT', `${base}/${id}`, { name: `${label} ${i} renamed` });
  await call('DELETE', `${base}/${id}`);
}
db.close();
process.stdout.write(JSON.stringify({ statuses, failures }));
