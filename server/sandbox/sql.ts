/** Makes user text literal inside a LIKE pattern (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** `%text%` for a case-insensitive substring match. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
