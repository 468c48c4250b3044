import { Temporal } from 'temporal-polyfill';

/** A reminder as a write sends it: an instant, or a time before the due date in the task's time zone. */
export type Reminder = { at: string } | { before: string; time?: string };

/** The default wall time of a relative reminder: the morning, in the task's time zone. */
export const DEFAULT_REMINDER_TIME = '09:00';

/**
 * When a reminder falls, or null when it cannot (a relative one on a task without a due date). A relative reminder
 * takes the due date at `time` (09:00 unless given) in the task's zone and goes back by `before`: its date part in
 * calendar days, so the wall time stays across a DST change (09:00 stays 09:00), its time part in exact hours.
 */
export function reminderInstant(reminder: Reminder, dueDate: string | null, timeZone: string): Date | null {
  if ('at' in reminder) return new Date(reminder.at);
  if (dueDate === null) return null;
  const due = Temporal.PlainDate.from(dueDate).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from(reminder.time ?? DEFAULT_REMINDER_TIME),
  });
  return new Date(due.subtract(Temporal.Duration.from(reminder.before)).epochMilliseconds);
}

const LONGEST_YEAR_START = Temporal.PlainDate.from('2024-01-01');

/** Why a duration is not one a reminder takes, or null: an ISO 8601 duration, positive, at most a year. */
export function durationProblem(value: string): string | null {
  let duration: Temporal.Duration;
  try {
    duration = Temporal.Duration.from(value);
  } catch {
    return 'must be an ISO 8601 duration such as P1D or PT2H';
  }
  if (duration.sign < 0) return 'must not be negative';
  // The parts add up (P1Y1D is more than a year); measured from a leap year's start, a year is at most 366 days.
  if (duration.total({ unit: 'days', relativeTo: LONGEST_YEAR_START }) > 366) return 'must be at most a year';
  if (
    duration.hours > 8784 ||
    duration.minutes > 527040 ||
    duration.seconds > 0 ||
    duration.milliseconds > 0
  ) {
    return 'counts whole minutes, at most a year';
  }
  return null;
}

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}
