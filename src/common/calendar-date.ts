/** Whether a value is a date as YYYY-MM-DD that the calendar has (2026-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  // Round-tripping rejects dates the calendar does not have.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
