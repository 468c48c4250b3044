import { UnprocessableEntityException } from '@nestjs/common';
import type { TaskStatus } from './dto/task-fields';
import type { ReplaceTaskDto, UpdateTaskDto } from './dto/task-write.dto';
import { TASK_DEFAULTS, type TaskState } from './task-record';
import { normalizeRule, Recurrence } from './scheduling/recurrence';
import type { Reminder } from './scheduling/reminders';
import { mergedFieldValues } from '../workflow/custom-fields';

/** The fields a write sends, with the repository already parsed to its cache key (null unlinks). */
export type TaskWrite = Omit<UpdateTaskDto | ReplaceTaskDto, 'githubRepo' | 'version'> & {
  githubRepo?: string | null;
  addLabelIds?: string[];
  removeLabelIds?: string[];
};

/** Fields a write sets as sent, or leaves as they were; the others below each have a rule of their own. */
type PlainField = Exclude<
  keyof TaskState & keyof TaskWrite,
  'projectId' | 'stateId' | 'status' | 'recurrence' | 'reminders' | 'labelIds' | 'fields'
>;

/**
 * The state a write leaves a task in. A PATCH (`merge`) changes what it sends; a PUT (`replace`) resets every field
 * it does not send to its default, keeping only the project, title, time zone and place it must have. The state
 * follows later, once the project's states are at hand (StateCatalog).
 */
export function nextTaskState(current: TaskState, write: TaskWrite, mode: 'merge' | 'replace'): TaskState {
  const base: TaskState =
    mode === 'replace'
      ? {
          ...TASK_DEFAULTS,
          projectId: current.projectId,
          stateId: current.stateId,
          title: current.title,
          timezone: current.timezone,
          position: current.position,
        }
      : current;
  const sent = Object.fromEntries(
    Object.entries(write).filter(([field, value]) => value !== undefined && field in base),
  ) as Partial<Pick<TaskState, PlainField>>;
  const recurrence = write.recurrence !== undefined ? storedRecurrence(write.recurrence) : base.recurrence;
  return {
    ...base,
    ...sent,
    projectId: write.projectId ?? current.projectId,
    status: statusOf(write, base.status) ?? base.status,
    recurrence,
    // A new rule starts its count again.
    recurrenceDone: sameRecurrence(recurrence, current.recurrence) ? current.recurrenceDone : 0,
    reminders: write.reminders ? write.reminders.map(storedReminder) : [...base.reminders],
    fields: mergedFieldValues(base.fields, write.fields),
    labelIds: nextLabelIds(write.labelIds ?? base.labelIds, write.addLabelIds, write.removeLabelIds),
    // Only a move places a task (TaskPlacement); other writes keep its position.
    position: base.position,
  };
}

function nextLabelIds(ids: readonly string[], add: string[] = [], remove: string[] = []): string[] {
  const removed = new Set(remove);
  return [...new Set([...ids, ...add])].filter((id) => !removed.has(id)).sort();
}

function storedRecurrence(recurrence: { rule: string; from?: Recurrence['from'] } | null): Recurrence | null {
  return recurrence && { rule: normalizeRule(recurrence.rule), from: recurrence.from ?? 'due' };
}

function sameRecurrence(a: Recurrence | null, b: Recurrence | null): boolean {
  return a?.rule === b?.rule && a?.from === b?.from;
}

/** A reminder as stored: an absolute one in UTC, a relative one as sent. */
function storedReminder(reminder: { at?: string; before?: string; time?: string }): Reminder {
  if (reminder.at !== undefined) return { at: new Date(reminder.at).toISOString() };
  return reminder.time === undefined
    ? { before: reminder.before! }
    : { before: reminder.before!, time: reminder.time };
}

/**
 * `completed` is `status == "completed"`: either may be written, and a body where they disagree is refused.
 * Un-completing keeps a task that was not completed where it was, and sends a completed one back to pending.
 */
export function statusOf(
  write: { status?: TaskStatus; completed?: boolean },
  before: TaskStatus,
): TaskStatus | undefined {
  if (write.completed === undefined) return write.status;
  if (write.status !== undefined && (write.status === 'completed') !== write.completed) {
    const message = 'status and completed disagree';
    throw new UnprocessableEntityException({
      message,
      errors: [
        { field: 'status', message },
        { field: 'completed', message },
      ],
    });
  }
  if (write.status !== undefined) return write.status;
  if (write.completed) return 'completed';
  return before === 'completed' ? 'pending' : before;
}
