const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * When a run ran, short enough for a grid cell: day, month, year, hours and minutes in the
 * analyst's zone with its short name ("30 Nov 2026, 09:59 UTC"). The panel lists the seconds.
 */
export function formatRunTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format.format(date);
}
