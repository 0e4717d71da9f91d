import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { deleteOAuthClient } from './oauth/endpoints';
import { deleteUserGroup } from './user-groups/endpoints';
import { deleteIdempotently } from './idempotent-delete';

const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const ID = 'a'.repeat(32);

function answer(status: number, body: object) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const refusal = (code: number, message: string) => ({ success: false, errors: [{ code, message }], messages: [], result: null });

afterEach(() => vi.unstubAllGlobals());

describe('deleteIdempotently', () => {
  it('passes a successful delete through', async () => {
    const res = await deleteIdempotently(ID, async () => ({ result: { id: ID }, resultInfo: null }));
    expect(res.result).toEqual({ id: ID });
  });

  it('treats a 404 (already gone) as deleted', async () => {
    answer(404, refusal(1003, 'User group not found'));
    await expect(deleteUserGroup(ACCOUNT, ID)).resolves.toEqual({ result: { id: ID }, resultInfo: null });
  });

  it('still reports every other refusal', async () => {
    answer(403, refusal(9109, 'Unauthorized to access requested resource'));
    const error = await deleteOAuthClient(ACCOUNT, ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    answer(500, refusal(1000, 'Internal error'));
    await expect(deleteUserGroup(ACCOUNT, ID)).rejects.toMatchObject({ status: 500 });
  });
});
