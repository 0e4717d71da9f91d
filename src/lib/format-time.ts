const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** A clock time for "checked at …" lines, where the date is today by construction. */
export function formatTime(epochMs: number): string {
  return timeFormat.format(new Date(epochMs));
}
