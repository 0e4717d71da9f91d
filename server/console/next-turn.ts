/**
 * Resolves on the next turn of the event loop, after pending I/O. In sandbox mode the API answers
 * in-process, so background work that reads it page after page never waits on a socket: without
 * this it would hold every other request until it was done.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
