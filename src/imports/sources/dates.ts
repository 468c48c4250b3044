import { isCalendarDate } from '../../common/calendar-date';

/**
 * The calendar date an instant or date falls on in a time zone: `2027-03-27T23:30:00Z` is 2027-03-28 in Berlin.
 * A plain date is that date; anything else is undefined.
 */
export function dateIn(value: string, timezone: string): string | undefined {
  const trimmed = value.trim();
  if (isCalendarDate(trimmed)) return trimmed;
  // A date with a time but no offset is wall time where the file is: its date is the one written.
  const wall = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.exec(trimmed);
  if (wall) return isCalendarDate(wall[1]) ? wall[1] : undefined;
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)) return undefined;
  const instant = new Date(trimmed);
  if (Number.isNaN(instant.getTime())) return undefined;
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
