import { UnprocessableEntityException } from '@nestjs/common';
import type { TaskStatus } from './dto/task-fields';
import type { ReplaceTaskDto, UpdateTaskDto } from './dto/task-write.dto';
import type { TaskState } from './tasks.repository';
import { normalizeRule, Recurrence } from './scheduling/recurrence';
import type { Reminder } from './scheduling/reminders';

/** The fields whose changes the activity log records. */
export const TRACKED_FIELDS = [
  'projectId',
  'title',
  'description',
  'status',
  'priority',
  'dueDate',
  'assigneeId',
  'githubRepo',
  'recurrence',
  'timezone',
  'reminders',
  'labelIds',
  'parentId',
] as const satisfies readonly (keyof TaskState)[];

/** A move's record names the place too; other writes move a task only as a consequence (to a project's end). */
export const PLACEMENT_FIELDS = [
  ...TRACKED_FIELDS,
  'position',
] as const satisfies readonly (keyof TaskState)[];

/** What a field is when a create or a PUT does not send it. */
export const TASK_DEFAULTS = {
  description: null,
  status: 'pending',
  priority: 0,
  dueDate: null,
  assigneeId: null,
  githubRepo: null,
  recurrence: null,
  recurrenceDone: 0,
  reminders: [],
  labelIds: [],
  parentId: null,
} as const satisfies Partial<TaskState>;

/** The fields a write sends, with the repository already parsed to its cache key (null unlinks). */
export type TaskWrite = Omit<UpdateTaskDto | ReplaceTaskDto, 'githubRepo' | 'version'> & {
  githubRepo?: string | null;
  addLabelIds?: string[];
  removeLabelIds?: string[];
};

/**
 * The state a write leaves a task in. A PATCH (`merge`) changes what it sends; a PUT (`replace`) resets every field
 * it does not send to its default, keeping only the project, title, time zone and place it must have.
 */
export function nextTaskState(current: TaskState, write: TaskWrite, mode: 'merge' | 'replace'): TaskState {
  const base: TaskState =
    mode === 'replace'
      ? {
          ...TASK_DEFAULTS,
          projectId: current.projectId,
          title: current.title,
          timezone: current.timezone,
          position: current.position,
        }
      : current;
  const recurrence = write.recurrence !== undefined ? storedRecurrence(write.recurrence) : base.recurrence;
  return {
    projectId: write.projectId ?? current.projectId,
    title: write.title ?? base.title,
    description: write.description !== undefined ? write.description : base.description,
    status: statusOf(write, base.status) ?? base.status,
    priority: write.priority ?? base.priority,
    dueDate: write.dueDate !== undefined ? write.dueDate : base.dueDate,
    assigneeId: write.assigneeId !== undefined ? write.assigneeId : base.assigneeId,
    githubRepo: write.githubRepo !== undefined ? write.githubRepo : base.githubRepo,
    recurrence,
    // A new rule starts its count again.
    recurrenceDone: sameRecurrence(recurrence, current.recurrence) ? current.recurrenceDone : 0,
    timezone: write.timezone ?? base.timezone,
    reminders: write.reminders ? write.reminders.map(storedReminder) : [...base.reminders],
    labelIds: nextLabelIds(write.labelIds ?? base.labelIds, write.addLabelIds, write.removeLabelIds),
    parentId: write.parentId !== undefined ? write.parentId : base.parentId,
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
