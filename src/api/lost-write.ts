import { ApiError } from './api-error';
import { ANSWER_LOST_UNKNOWN, CONSOLE_HEADER } from './client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What became of a write whose answer never arrived, from the server's record of its write id:
 * its first answer (re-read as if it had arrived), or "never received" (nothing was saved). The
 * server keeps no secret in that record, so a recovered answer may lack one (see readAnswer).
 */
export async function recoverLostWrite(writeId: string): Promise<Response> {
  for (let attempt = 0; attempt < 20; attempt++) {
    let response: Response;
    try {
      response = await fetch(`/console-api/writes/${writeId}`, { credentials: 'same-origin', headers: { Accept: 'application/json', ...CONSOLE_HEADER } });
    } catch {
      await sleep(500);
      continue;
    }
    if (response.status === 404) {
      throw new ApiError({
        status: 0,
        kind: 'network',
        errors: [{ code: 0, message: 'Nothing was saved: the server never received this change (the connection failed first). Check your connection and try again.' }],
      });
    }
    const outcome = ((await response.json().catch(() => null)) as { result?: { state?: string; status?: number | null; body?: unknown } } | null)?.result;
    if (outcome?.state === 'done') {
      return new Response(JSON.stringify(outcome.body ?? null), { status: outcome.status ?? 502, headers: { 'content-type': 'application/json' } });
    }
    await sleep(500);
  }
  throw new ApiError({
    status: 0,
    kind: 'network',
    errors: [{ code: 0, message: ANSWER_LOST_UNKNOWN }],
  });
}
