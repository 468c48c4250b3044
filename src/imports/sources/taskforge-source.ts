import { EXPORT_FORMAT } from '../../exports/dto/export.dto';
import { countTask, ImportFailure, ImportPlan, Importer, PlannedField, PlannedTask } from '../import-plan';
import { jsonHead, jsonItems, OpenFile, text, textOf } from './streams';

interface ExportedMember {
  userId: string;
  username: string;
  displayName: string | null;
}

type Row = Record<string, unknown>;

const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

/**
 * A Taskforge export (`taskforge.project.v1`), read back: its states, fields, labels and tasks keep their ids as
 * keys, so parents, relations, labels and option values find each other; the manual order is the tasks' positions.
 */
export async function readTaskforgeExport(open: OpenFile, importer: Importer): Promise<ImportPlan> {
  const head = await jsonHead(open, ['tasks']);
  if (head.format !== EXPORT_FORMAT) {
    throw new ImportFailure(`The file is not a Taskforge export: its format is not ${EXPORT_FORMAT}`);
  }
  const project = (head.project ?? {}) as Row;
  const members = new Map(
    rows(head.members).map((member) => [member.userId, member as unknown as ExportedMember]),
  );
  const plan: ImportPlan = {
    name: text(project.name) ?? 'Imported project',
    description: text(project.description) ?? null,
    states: rows(head.states).map((state) => ({
      key: textOf(state.id),
      name: textOf(state.name),
      category: state.category as ImportPlan['states'][number]['category'],
      color: text(state.color),
    })),
    fields: rows(head.fields).map((field): PlannedField => ({
      key: textOf(field.id),
      name: textOf(field.name),
      type: field.type as PlannedField['type'],
      options: rows(field.options).map((option) => ({
        key: textOf(option.id),
        name: textOf(option.name),
        color: text(option.color),
      })),
    })),
    labels: rows(head.labels).map((label) => ({
      key: textOf(label.id),
      name: textOf(label.name),
      color: text(label.color),
    })),
    tasks: [],
    problems: [],
  };
  const positions = new Map<string, string>();
  for await (const item of jsonItems(open, 'tasks')) {
    countTask(plan);
    const task = item as Row;
    const key = textOf(task.id);
    positions.set(key, text(task.position) ?? '');
    plan.tasks.push(plannedTask(task, key, members, importer));
    const attachments = rows(task.attachments).length;
    if (attachments > 0) {
      plan.problems.push({
        item: `task ${key}`,
        message: `${attachments} attachment(s) not imported: an export carries their metadata, not their bytes`,
      });
    }
  }
  // The manual order, as positions compare: byte by byte.
  plan.tasks.sort((a, b) => {
    const [x, y] = [positions.get(a.key)!, positions.get(b.key)!];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return plan;
}

function plannedTask(
  task: Row,
  key: string,
  members: Map<unknown, ExportedMember>,
  importer: Importer,
): PlannedTask {
  const nameOf = (userId: unknown) => {
    const member = members.get(userId);
    return member ? (member.displayName ?? member.username) : 'someone';
  };
  return {
    key,
    item: `task ${key}`,
    parentKey: text(task.parentId),
    title: text(task.title) ?? '',
    description: text(task.description) ?? null,
    stateKey: text(task.stateId),
    status: task.status as PlannedTask['status'],
    priority: typeof task.priority === 'number' ? task.priority : 0,
    dueDate: text(task.dueDate) ?? null,
    assignee: text(task.assigneeId),
    labelKeys: rows(task.labels).map((label) => textOf(label.id)),
    fields: (task.fields ?? {}) as Record<string, unknown>,
    recurrence: (task.recurrence as PlannedTask['recurrence']) ?? null,
    reminders: rows(task.reminders).map(({ at, before, time }) => ({
      ...(text(at) !== undefined && { at: text(at) }),
      ...(text(before) !== undefined && { before: text(before) }),
      ...(text(time) !== undefined && { time: text(time) }),
    })),
    deleted: task.deletedAt !== null && task.deletedAt !== undefined,
    comments: rows(task.comments).map((comment) => ({
      body: text(comment.body) ?? '',
      createdAt: text(comment.createdAt),
      ...(comment.authorId !== importer.id && { authorName: nameOf(comment.authorId) }),
    })),
    relations: rows(task.relations).map((relation) => ({
      kind: textOf(relation.kind),
      targetKey: textOf(relation.taskId),
    })),
  };
}
