import { RRule } from 'rrule';

/** How a task repeats, as a write sends it and an answer shows it. */
export interface Recurrence {
  /** An RFC 5545 RRULE in the supported subset, e.g. `FREQ=MONTHLY;BYDAY=-1FR`. */
  rule: string;
  /** Count the next date from the due date, or from the day the task was completed. */
  from: 'due' | 'completion';
}

/** What is stored: the recurrence, and how many occurrences have been completed (for COUNT). */
export interface StoredRecurrence extends Recurrence {
  done: number;
}

const WEEKDAY = '(MO|TU|WE|TH|FR|SA|SU)';
const list = (item: string) => new RegExp(`^${item}(,${item}){0,30}$`);
const SIGNED = (max: number) => `[+-]?0*([1-9]\\d{0,${String(max).length - 1}})`;

/** The parts the service supports, each with the form of its value. */
const PARTS: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^0*[1-9]\d{0,2}$/,
  BYDAY: list(`([+-]?0*[1-9]\\d?)?${WEEKDAY}`),
  BYMONTHDAY: list(SIGNED(31)),
  BYMONTH: list('0*([1-9]|1[0-2])'),
  BYSETPOS: list(SIGNED(366)),
  COUNT: /^0*[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
};

/** Numbers each list part may hold, checked after the form (a regex cannot say "at most 31" neatly). */
const RANGES: Record<string, [number, number]> = {
  BYMONTHDAY: [1, 31],
  BYMONTH: [1, 12],
  BYSETPOS: [1, 366],
};

/** How far ahead a next date is looked for: a rule with none in a century has none a user cares about. */
const HORIZON_YEARS = 100;

/** Why the rule is not one the service supports, or null when it is. */
export function ruleProblem(rule: string): string | null {
  const text = rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (text.length === 0 || text.length > 500) return 'must be an RRULE of at most 500 characters';
  const seen = new Set<string>();
  for (const part of text.split(';')) {
    const [name, value, ...rest] = part.split('=');
    if (rest.length > 0 || value === undefined || value === '') return `has a malformed part "${part}"`;
    if (!PARTS[name])
      return `uses ${name}, which is not supported (FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL)`;
    if (seen.has(name)) return `names ${name} twice`;
    seen.add(name);
    if (!PARTS[name].test(value)) return `has an invalid ${name}`;
    const range = RANGES[name];
    if (
      range &&
      value.split(',').some((n) => Math.abs(Number(n)) < range[0] || Math.abs(Number(n)) > range[1])
    ) {
      return `has a ${name} outside ±${range[0]}..${range[1]}`;
    }
  }
  if (!seen.has('FREQ')) return 'must have FREQ';
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'may have COUNT or UNTIL, not both';
  const parts = Object.fromEntries(text.split(';').map((part) => part.split('=') as [string, string]));
  if (/\d/.test(parts.BYDAY ?? '') && !['MONTHLY', 'YEARLY'].includes(parts.FREQ)) {
    return 'may number BYDAY (like -1FR) only with FREQ=MONTHLY or YEARLY';
  }
  if (parts.UNTIL && !isRealDate(parts.UNTIL.slice(0, 8))) return 'has an UNTIL that is not a real date';
  return null;
}

/** The rule as stored: upper-case, without an `RRULE:` prefix. */
export function normalizeRule(rule: string): string {
  return rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
}

/**
 * The next `limit` dates (YYYY-MM-DD) a recurrence gives after `after`. Dates are calendar dates with no time zone
 * (a due date is one), so the arithmetic runs on UTC midnights and no DST change can shift a date. The first
 * occurrence is the one being completed, so COUNT allows `COUNT - done - 1` more.
 */
export function occurrencesAfter(
  recurrence: StoredRecurrence,
  start: string,
  after: string,
  limit: number,
): string[] {
  const { count, ...options } = RRule.parseString(normalizeRule(recurrence.rule));
  const remaining =
    count === undefined || count === null ? limit : Math.min(limit, count - recurrence.done - 1);
  if (remaining <= 0) return [];
  const rule = new RRule({ ...options, dtstart: utcDate(start) });
  const from = utcDate(after);
  const horizon = new Date(from);
  horizon.setUTCFullYear(horizon.getUTCFullYear() + HORIZON_YEARS);
  return rule.between(from, horizon, false, (_date, index) => index < remaining).map(isoDate);
}

/**
 * The next due date after completing the occurrence due on `dueDate` on `completedOn` (the day in the task's time
 * zone), or null when the rule has ended.
 */
export function nextDueDate(
  recurrence: StoredRecurrence,
  dueDate: string,
  completedOn: string,
): string | null {
  const anchor = recurrence.from === 'completion' ? completedOn : dueDate;
  return occurrencesAfter(recurrence, anchor, anchor, 1)[0] ?? null;
}

/** The dates after the current due date, for answers; "from completion" ones assume completion on the due date. */
export function upcomingDates(recurrence: StoredRecurrence, dueDate: string, limit = 5): string[] {
  return occurrencesAfter(recurrence, dueDate, dueDate, limit);
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isRealDate(compact: string): boolean {
  const iso = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  const parsed = utcDate(iso);
  return !Number.isNaN(parsed.getTime()) && isoDate(parsed) === iso;
}
