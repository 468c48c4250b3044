import {
  addYears,
  Civil,
  civil,
  dayNumber,
  daysFromCivil,
  isoDay,
  LAST_DAY,
  monthLength,
  weekdayOf,
} from './calendar-days';

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
 * The next `limit` dates (YYYY-MM-DD) a recurrence starting on `start` gives after it. Dates are calendar dates with
 * no time zone (a due date is one), so the arithmetic runs on day numbers and no DST change can shift a date. The
 * first occurrence is the one being completed, so COUNT allows `COUNT - done - 1` more.
 *
 * The search is bounded: it looks `HORIZON_YEARS` ahead and no further (at most 36,525 periods, each a handful of
 * comparisons), so no rule can hold the event loop. rrule's own iterator walks filtered periods until the year 9999
 * without yielding to any bound a caller can set (`FREQ=DAILY;BYSETPOS=2` took 12.8 s), so the periods are walked
 * here, with rrule's semantics (RFC 5545 as python-dateutil reads it), which the unit tests compare date by date.
 */
export function occurrencesAfter(recurrence: StoredRecurrence, start: string, limit: number): string[] {
  const rule = parseRule(recurrence.rule);
  const remaining = rule.count === null ? limit : Math.min(limit, rule.count - recurrence.done - 1);
  if (remaining <= 0) return [];
  const first = dayNumber(start);
  const last = Math.min(addYears(first, HORIZON_YEARS), rule.until ?? Infinity, LAST_DAY);
  const found: string[] = [];
  for (const period of periods(rule, first, last)) {
    for (const day of period) {
      if (day > last) return found;
      if (day <= first) continue;
      found.push(isoDay(day));
      if (found.length === remaining) return found;
    }
  }
  return found;
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
  return occurrencesAfter(recurrence, anchor, 1)[0] ?? null;
}

/** The dates after the current due date, for answers; "from completion" ones assume completion on the due date. */
export function upcomingDates(recurrence: StoredRecurrence, dueDate: string, limit = 5): string[] {
  return occurrencesAfter(recurrence, dueDate, limit);
}

function isRealDate(compact: string): boolean {
  const [year, month, day] = [compact.slice(0, 4), compact.slice(4, 6), compact.slice(6, 8)].map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month);
}

/** A supported rule, parsed (ruleProblem has accepted it). Weekdays count from Monday = 0. */
interface ParsedRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  weekdays: number[];
  nthWeekdays: [weekday: number, n: number][];
  monthDays: number[];
  months: number[];
  setPositions: number[];
  count: number | null;
  until: number | null;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function parseRule(text: string): ParsedRule {
  const parts = new Map(
    normalizeRule(text)
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const numbers = (name: string) => (parts.get(name)?.split(',') ?? []).map(Number);
  const freq = parts.get('FREQ') as ParsedRule['freq'];
  const byDay = (parts.get('BYDAY')?.split(',') ?? []).map((item) => ({
    weekday: WEEKDAYS.indexOf(item.slice(-2)),
    n: Number(item.slice(0, -2) || 0),
  }));
  const until = parts.get('UNTIL');
  return {
    freq,
    interval: Number(parts.get('INTERVAL') ?? 1),
    weekdays: byDay.filter((day) => day.n === 0).map((day) => day.weekday),
    nthWeekdays: byDay.filter((day) => day.n !== 0).map((day) => [day.weekday, day.n]),
    monthDays: numbers('BYMONTHDAY'),
    months: numbers('BYMONTH'),
    setPositions: numbers('BYSETPOS'),
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : null,
    until: until ? dayNumber(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`) : null,
  };
}

/**
 * The rule's occurrences period by period (a day, a week, a month or a year, every `interval`), each sorted, from
 * the period holding `first` until one starts after `last`. As in rrule, a rule naming no day takes the start's
 * weekday (weekly), day of the month (monthly) or date (yearly), and a week runs Monday to Sunday, the first one from
 * the start day on.
 */
function* periods(rule: ParsedRule, first: number, last: number): Generator<number[]> {
  const start = civil(first);
  const namesNoDay =
    rule.weekdays.length === 0 && rule.nthWeekdays.length === 0 && rule.monthDays.length === 0;
  const monthDays =
    namesNoDay && rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY' ? [start.day] : rule.monthDays;
  const months =
    namesNoDay && rule.freq === 'YEARLY' && rule.months.length === 0 ? [start.month] : rule.months;
  const weekdays = namesNoDay && rule.freq === 'WEEKLY' ? [weekdayOf(first)] : rule.weekdays;
  // A day is a whole period of a daily rule, so only the first and the last of its days can be picked.
  const setPositions =
    rule.freq === 'DAILY' ? rule.setPositions.filter((n) => n === 1 || n === -1) : rule.setPositions;
  if (rule.setPositions.length > 0 && setPositions.length === 0) return;
  const effective = { ...rule, monthDays, months, weekdays, setPositions };
  for (let index = 0; ; index += rule.interval) {
    const [from, to] = periodBounds(rule.freq, first, start, index);
    if (from > last) return;
    const days: number[] = [];
    for (let day = from; day <= to;) {
      const date = civil(day);
      if (!monthCanMatch(effective, date)) {
        day += monthLength(date.year, date.month) - date.day + 1;
        continue;
      }
      if (matches(effective, date, day)) days.push(day);
      day += 1;
    }
    if (days.length === 0) {
      index += (skippablePeriods(effective, from, to) - 1) * rule.interval;
      continue;
    }
    yield setPositions.length > 0 ? pickPositions(days, setPositions) : days;
  }
}

/**
 * How many periods from this empty one on lie wholly in a month that cannot match (at least this one): a daily or
 * weekly rule would otherwise walk a 30th of February day by day.
 */
function skippablePeriods(rule: ParsedRule, from: number, to: number): number {
  const unit = rule.freq === 'DAILY' ? 1 : rule.freq === 'WEEKLY' ? 7 : 0;
  const periodStart = to - unit + 1;
  const date = civil(periodStart);
  const nextMonth = periodStart + monthLength(date.year, date.month) - date.day + 1;
  if (unit === 0 || to >= nextMonth || from < periodStart || monthCanMatch(rule, date)) return 1;
  return Math.max(1, Math.floor((nextMonth - periodStart) / (unit * rule.interval)));
}

/** Whether any day of the date's month can pass BYMONTH and BYMONTHDAY (a 30th of February cannot). */
function monthCanMatch(rule: ParsedRule, date: Civil): boolean {
  if (rule.months.length > 0 && !rule.months.includes(date.month)) return false;
  const length = monthLength(date.year, date.month);
  return rule.monthDays.length === 0 || rule.monthDays.some((n) => Math.abs(n) <= length);
}

/** The first and last day of the `index`-th period after the one holding `first`. */
function periodBounds(
  freq: ParsedRule['freq'],
  first: number,
  start: Civil,
  index: number,
): [number, number] {
  switch (freq) {
    case 'DAILY':
      return [first + index, first + index];
    case 'WEEKLY': {
      const monday = first - weekdayOf(first) + 7 * index;
      return [Math.max(monday, first), monday + 6];
    }
    case 'MONTHLY': {
      const months = start.month - 1 + index;
      const year = start.year + Math.floor(months / 12);
      const month = (months % 12) + 1;
      const from = daysFromCivil(year, month, 1);
      return [from, from + monthLength(year, month) - 1];
    }
    case 'YEARLY': {
      const year = start.year + index;
      return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)];
    }
  }
}

/**
 * Whether a day of a month that can match passes every other BY part: each part a rule names must hold (RFC 5545
 * §3.3.10, as rrule applies it).
 */
function matches(rule: ParsedRule, date: Civil, day: number): boolean {
  if (rule.monthDays.length > 0) {
    const length = monthLength(date.year, date.month);
    if (!rule.monthDays.some((n) => (n > 0 ? n === date.day : length + n + 1 === date.day))) return false;
  }
  if (rule.weekdays.length > 0 && !rule.weekdays.includes(weekdayOf(day))) return false;
  return rule.nthWeekdays.length === 0 || isNthWeekday(rule, date, day);
}

/**
 * Whether the day is one of the numbered weekdays (`-1FR`): counted within its month for a monthly rule or a yearly
 * one that names months, else within its year.
 */
function isNthWeekday(rule: ParsedRule, date: Civil, day: number): boolean {
  const withinMonth = rule.freq === 'MONTHLY' || rule.months.length > 0;
  const rangeFirst = withinMonth ? daysFromCivil(date.year, date.month, 1) : daysFromCivil(date.year, 1, 1);
  const rangeLast = withinMonth
    ? rangeFirst + monthLength(date.year, date.month) - 1
    : daysFromCivil(date.year, 12, 31);
  const weekday = weekdayOf(day);
  return rule.nthWeekdays.some(([wanted, n]) => {
    if (wanted !== weekday) return false;
    const ordinal = n > 0 ? Math.floor((day - rangeFirst) / 7) + 1 : -(Math.floor((rangeLast - day) / 7) + 1);
    return ordinal === n;
  });
}

/** BYSETPOS: the n-th (from the end when negative) of the period's days, each once, in order. */
function pickPositions(days: number[], positions: number[]): number[] {
  const picked = new Set<number>();
  for (const position of positions) {
    const day = days[position > 0 ? position - 1 : days.length + position];
    if (day !== undefined) picked.add(day);
  }
  return [...picked].sort((a, b) => a - b);
}
