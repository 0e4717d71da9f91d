import type { APIRequestContext } from '@playwright/test';

/** A TXT record in the sandbox's stand-in DNS zone (server/sandbox/dns-zone/routes.ts). */
export interface SandboxDnsRecord {
  id: string;
  name: string;
  type: 'TXT';
  content: string;
  created_on: string;
  warning?: string;
}

/**
 * Publishes and removes verification records where the sandbox's DNS checker looks for them
 * (/__sandbox/dns/records), as an admin would at their DNS provider. Records published through
 * it are deleted again when the test ends.
 */
export interface SandboxDns {
  publishTxt(name: string, content: string): Promise<SandboxDnsRecord>;
  list(name?: string): Promise<SandboxDnsRecord[]>;
  remove(id: string): Promise<void>;
}

export function createSandboxDns(request: APIRequestContext): SandboxDns & { cleanup(): Promise<void> } {
  const published = new Set<string>();

  async function json(res: Awaited<ReturnType<APIRequestContext['fetch']>>, what: string) {
    const body = await res.json().catch(() => null);
    if (!res.ok()) throw new Error(`sandbox DNS: ${what} failed (${res.status()}): ${JSON.stringify(body)}`);
    return body;
  }

  const dns = {
    async publishTxt(name: string, content: string) {
      const res = await request.post('/__sandbox/dns/records', {
        headers: { 'content-type': 'application/json' },
        data: JSON.stringify({ name, type: 'TXT', content }),
        failOnStatusCode: false,
      });
      const { record } = (await json(res, `publishing TXT ${name}`)) as { record: SandboxDnsRecord };
      published.add(record.id);
      return record;
    },
    async list(name?: string) {
      const res = await request.get('/__sandbox/dns/records', {
        params: name === undefined ? undefined : { name },
        failOnStatusCode: false,
      });
      return ((await json(res, 'listing records')) as { records: SandboxDnsRecord[] }).records;
    },
    async remove(id: string) {
      const res = await request.delete(`/__sandbox/dns/records/${id}`, { failOnStatusCode: false });
      await json(res, `deleting record ${id}`);
      published.delete(id);
    },
    async cleanup() {
      for (const id of published) {
        // Already gone (the test deleted it some other way) is fine.
        await request.delete(`/__sandbox/dns/records/${id}`, { failOnStatusCode: false });
      }
      published.clear();
    },
  };
  return dns;
}
