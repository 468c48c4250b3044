/** Every kind of change the activity log records; the real-time gateway and webhooks use the same names. */
export const ACTIVITY_EVENTS = [
  'project.created',
  'project.updated',
  'project.deleted',
  'member.added',
  'member.updated',
  'member.removed',
  'task.created',
  'task.updated',
  'task.assigned',
  'task.unassigned',
  'task.deleted',
  'task.restored',
  'task.shared',
  'task.unshared',
] as const;

export type ActivityEvent = (typeof ACTIVITY_EVENTS)[number];

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
