/** Every kind of change the activity log records; the real-time gateway and webhooks use the same names. */
export const ACTIVITY_EVENTS = [
  'project.created',
  'project.updated',
  'project.deleted',
  'member.added',
  'member.updated',
  'member.removed',
  'label.created',
  'label.updated',
  'label.deleted',
  'state.created',
  'state.updated',
  'state.deleted',
  'field.created',
  'field.updated',
  'field.deleted',
  'task.created',
  'task.updated',
  'task.moved',
  'task.assigned',
  'task.unassigned',
  'task.deleted',
  'task.restored',
  'task.shared',
  'task.unshared',
  'task.recurred',
  'task.reminder',
  'task.unblocked',
  'relation.created',
  'relation.deleted',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'attachment.added',
  'attachment.removed',
  'notification.created',
] as const;

export type ActivityEvent = (typeof ACTIVITY_EVENTS)[number];

/**
 * A record about one user alone (their notification): it reaches only that user's feed and socket room, never the
 * project's subscribers, activity lists or webhooks.
 */
export const PERSONAL_EVENT = 'notification.created' satisfies ActivityEvent;

/** Events a project's webhooks and activity lists carry: everything but personal records. */
export const PROJECT_EVENTS = ACTIVITY_EVENTS.filter((event) => event !== PERSONAL_EVENT);

/** The key an event's payload names its resource by: `task`, `comment`, `label`, `notification`, `project`, … */
export function resourceKey(event: ActivityEvent): string {
  const kind = event.slice(0, event.indexOf('.'));
  return kind === 'member' ? 'project' : kind;
}

/** `{ field: { from, to } }` for each field a change touched. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields whose values differ between two states of one resource, each with its old and new value. */
export function changedFields<T extends object>(
  before: T | null,
  after: T | null,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const from = before ? (before[field] ?? null) : null;
    const to = after ? (after[field] ?? null) : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
