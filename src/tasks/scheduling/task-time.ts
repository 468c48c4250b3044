import { nextDueDate, upcomingDates } from './recurrence';
import { reminderInstant, todayIn } from './reminders';
import type { TaskWrite } from '../task-state';
import type { TaskState } from '../task-record';
import { fieldProblem } from '../../common/problem';

/** The rules that tie recurrence and reminders to a due date, checked on the state a write would leave. */
export function assertTimeRules(next: TaskState, write: TaskWrite): void {
  if (next.recurrence && next.dueDate === null) {
    if (write.recurrence) throw fieldProblem('recurrence.rule', 'A recurring task needs a dueDate');
    throw fieldProblem(
      'dueDate',
      'A recurring task needs its dueDate: clear recurrence first or in the same write',
    );
  }
  if (
    next.recurrence &&
    write.recurrence &&
    upcomingDates({ ...next.recurrence, done: 0 }, next.dueDate!, 1).length === 0
  ) {
    throw fieldProblem('recurrence.rule', 'The rule gives no date after the due date');
  }
  if (next.dueDate === null && next.reminders.some((reminder) => 'before' in reminder)) {
    throw fieldProblem('reminders', 'A reminder before the due date needs a dueDate');
  }
}

/** What completing an occurrence of a recurring task did: the date completed and the next one. */
export interface Recurred {
  completedOccurrence: string;
  nextDueDate: string;
}

/**
 * Completing a recurring task completes its current occurrence and opens it again at the next date; when the rule
 * has ended it stays completed. Returns the state to write and, if it moved, what moved.
 */
export function applyRecurrence(
  current: TaskState,
  next: TaskState,
  now = new Date(),
): { state: TaskState; recurred?: Recurred } {
  const completes = current.status !== 'completed' && next.status === 'completed';
  if (!completes || !next.recurrence || next.dueDate === null) return { state: next };
  const due = nextDueDate(
    { ...next.recurrence, done: next.recurrenceDone },
    next.dueDate,
    todayIn(next.timezone, now),
  );
  if (due === null) return { state: next };
  return {
    state: { ...next, status: 'pending', dueDate: due, recurrenceDone: next.recurrenceDone + 1 },
    recurred: { completedOccurrence: next.dueDate, nextDueDate: due },
  };
}

/** When the task's reminders fall from now on: none for a completed task, none already past. */
export function upcomingReminders(state: TaskState, now = new Date()): { position: number; fireAt: Date }[] {
  if (state.status === 'completed') return [];
  return state.reminders
    .map((reminder, position) => ({
      position,
      fireAt: reminderInstant(reminder, state.dueDate, state.timezone),
    }))
    .filter(
      (reminder): reminder is { position: number; fireAt: Date } =>
        reminder.fireAt !== null && reminder.fireAt > now,
    );
}

/** Whether a change moves when the reminders fall. */
export function movesReminders(before: TaskState | null, after: TaskState): boolean {
  return (
    before === null ||
    before.dueDate !== after.dueDate ||
    before.timezone !== after.timezone ||
    before.status !== after.status ||
    JSON.stringify(before.reminders) !== JSON.stringify(after.reminders)
  );
}
