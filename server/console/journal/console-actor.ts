import type { SelfReader } from './self-fetch.ts';

/** Who the console's own writes are made as: the server's credential, named without revealing it. */
export interface ConsoleActor {
  id: string | null;
  label: string;
}

export const tokenLabel = (id: string) => `API token ${id.slice(0, 8)}…`;

/**
 * With a global key the actor is its email; with a token, the token's id from /user/tokens/verify
 * (asked once, then remembered). The sandbox console's token resolves the same way.
 */
export function consoleActorResolver(keyEmail: string | null) {
  let known: ConsoleActor | null = keyEmail ? { id: null, label: keyEmail } : null;
  return async (read: SelfReader): Promise<ConsoleActor> => {
    if (known) return known;
    const res = await read<{ result?: { id?: string } }>('/user/tokens/verify');
    const id = res.body?.result?.id;
    if (!res.ok || !id) return { id: null, label: 'API token (unverified)' };
    known = { id, label: tokenLabel(id) };
    return known;
  };
}
