import ical from 'ical-generator';
import { normalizeRule } from '../tasks/recurrence';
import type { FeedTaskRow } from './calendar.repository';

/**
 * The tasks as an RFC 5545 calendar of all-day events: the UID is the task's id (stable across edits), SEQUENCE its
 * version, and a recurring task carries its rule from its current due date, so a calendar app expands it to the
 * dates the API lists.
 */
export function calendarOf(tasks: FeedTaskRow[], name: string): string {
  const calendar = ical({ name, prodId: { company: 'Taskforge', product: 'tasks' } });
  for (const task of tasks) {
    calendar.createEvent({
      id: `${task.id}@taskforge`,
      start: new Date(`${task.due_date}T00:00:00.000Z`),
      allDay: true,
      summary: task.status === 'completed' ? `✓ ${task.title}` : task.title,
      description: task.description,
      sequence: task.version,
      stamp: new Date(task.updated_at),
      repeating: task.recurrence && task.status !== 'completed' ? remainingRule(task) : null,
    });
  }
  return calendar.toString();
}

/** The rule from the current occurrence on: COUNT counts what is left, the current one included. */
function remainingRule(task: FeedTaskRow): string {
  return normalizeRule(task.recurrence!.rule).replace(
    /(^|;)COUNT=(\d+)/,
    (_match, separator: string, count: string) => `${separator}COUNT=${Number(count) - task.recurrence_done}`,
  );
}
