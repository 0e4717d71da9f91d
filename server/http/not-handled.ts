/**
 * Said by an answer to a request that was never handled (the sandbox's fault injection cuts the
 * connection before its handler): whatever keeps outcomes by request (the console's write ids)
 * forgets it, as a server that never received the request would have nothing to remember.
 */
export const NOT_HANDLED_HEADER = 'x-request-not-handled';
