/**
 * A timestamptz rendered by PostgreSQL as the API writes it (`2026-11-24T10:00:00.000Z`): the row arrives as the
 * string the response needs, with no Date to parse and format again for each of a page's rows.
 */
export function isoTimestamp(expression: string): string {
  return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
