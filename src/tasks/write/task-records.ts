import type { FieldChanges } from '../../events/activity-events';
import type { ActivityEntry } from '../../events/activity-log.repository';
import type { TaskDto } from '../dto/task.dto';
import type { Recurred } from '../scheduling/task-time';
import type { TaskState } from '../task-record';

/** What task writes record in the activity log. */

/** A new task's history names what it was created with, not the empty lists (labels, fields) it lacks. */
export function withoutEmpties(changes: FieldChanges): FieldChanges {
  const isEmpty = (value: unknown) =>
    Array.isArray(value)
      ? value.length === 0
      : typeof value === 'object' && value !== null && Object.keys(value).length === 0;
  return Object.fromEntries(Object.entries(changes).filter(([, change]) => !isEmpty(change.to)));
}

/** One record per task of a subtree that went to the trash (`deletedAt` then) or came back from it. */
export function trashEntries(
  tasks: TaskDto[],
  event: 'task.deleted' | 'task.restored',
  actorId: string,
  deletedAt: Date,
): ActivityEntry[] {
  const when = deletedAt.toISOString();
  return tasks.map((task) => ({
    event,
    ...taskSubject(task),
    actorId,
    changes: { deletedAt: event === 'task.deleted' ? { from: null, to: when } : { from: when, to: null } },
  }));
}

/**
 * The history's one record of a write that completed an occurrence of a recurring task: what else the write changed,
 * the occurrence completed, and the new due date (one version, one record).
 */
export function recurredEntry(
  task: TaskDto,
  recurred: Recurred,
  actorId: string,
  changes: FieldChanges,
): ActivityEntry {
  return {
    event: 'task.recurred',
    ...taskSubject(task),
    actorId,
    changes: {
      ...changes,
      completedOccurrence: { from: null, to: recurred.completedOccurrence },
      dueDate: { from: recurred.completedOccurrence, to: recurred.nextDueDate },
    },
  };
}

/** What an activity record of this task names: its project, itself, its version and state after the change. */
export function taskSubject(task: TaskDto) {
  return { projectId: task.projectId, taskId: task.id, version: task.version, resource: task };
}

/**
 * Every update is `task.updated` (a move's `task.moved`), with all it changed. A change of assignee also yields
 * `task.assigned` (to the new assignee) or `task.unassigned` (to the one who lost it), so their subscribers and
 * rooms hear of it by name.
 */
export function updateEntries(
  task: TaskDto,
  before: TaskState,
  changes: FieldChanges,
  actorId: string,
  event: 'task.updated' | 'task.moved',
): ActivityEntry[] {
  const entries: ActivityEntry[] = [
    {
      event,
      ...taskSubject(task),
      fromProjectId: changes.projectId ? before.projectId : undefined,
      actorId,
      changes,
    },
  ];
  if (changes.assigneeId) {
    const assigned = task.assigneeId !== null;
    entries.push({
      event: assigned ? 'task.assigned' : 'task.unassigned',
      ...taskSubject(task),
      userId: (assigned ? task.assigneeId : before.assigneeId) ?? undefined,
      actorId,
      changes: { assigneeId: changes.assigneeId },
    });
  }
  return entries;
}
