import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { isCalendarDate } from '../common/calendar-date';
import { Transactions } from '../database/transactions';
import { WALL_TIME } from '../tasks/dto/task-fields';
import { keysAfter } from '../tasks/ordering/task-positions';
import { normalizeRule, ruleProblem } from '../tasks/scheduling/recurrence';
import { durationProblem } from '../tasks/scheduling/reminders';
import { upcomingReminders } from '../tasks/scheduling/task-time';
import { TASK_DEFAULTS, type TaskState } from '../tasks/task-record';
import { TasksRepository } from '../tasks/tasks.repository';
import {
  checkFieldValue,
  CustomField,
  FIELD_TYPES,
  inIdOrder,
  MAX_FIELDS_PER_PROJECT,
  MAX_OPTIONS_PER_FIELD,
  TaskFieldValues,
} from '../workflow/custom-fields';
import {
  DEFAULT_STATES,
  STATE_CATEGORIES,
  STATUS_OF_CATEGORY,
  type StateCategory,
  type TaskStatus,
} from '../workflow/workflow';
import type { ImportPlan, ImportProblem, Importer, PlannedTask } from './import-plan';
import { ImportsRepository } from './imports.repository';

/** Tasks written per transaction: each batch commits, so no write holds the database for the whole import. */
const BATCH = 500;
const MAX_LEVELS = 5;
const GREY = '#8b949e';
const RELATION_KINDS = ['blocks', 'relates_to', 'duplicates'];

export type ImportCounts = Record<
  'tasks' | 'comments' | 'labels' | 'states' | 'fields' | 'relations' | 'trashed',
  number
>;

/** Reports progress and says when to stop (the instance is shutting down). */
export interface WriteControl {
  progress(written: number, of: number): Promise<void>;
  stopping(): boolean;
}

/** Thrown between batches when the instance stops: the job goes back to the queue, its project thrown away. */
export class ImportInterrupted extends Error {}

/** What the writer knows of the project it builds, by the plan's keys. */
interface Built {
  projectId: string;
  states: { id: string; category: StateCategory; key?: string }[];
  fields: Map<string, CustomField & { optionIds: Map<string, string> }>;
  labels: Map<string, string>;
  tasks: Map<string, string>;
}

/** The first `max` characters of a text, and whether it was cut. */
const cut = (value: string, max: number): [string, boolean] =>
  value.length > max ? [[...value].slice(0, max).join(''), true] : [value, false];
const colorOr = (color: string | undefined) =>
  color && /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : GREY;

/**
 * Writes a plan into a project nobody is a member of yet, in batches that each commit: states, fields and labels,
 * then the tasks level by level (parents before their subtasks), then comments and relations. Everything a plan
 * says that the service's rules would refuse is left out or adjusted, and reported; nothing here can exceed what the
 * person importing may do: they are the only member, and the only person a task or field may name.
 */
@Injectable()
export class ImportWriter {
  constructor(
    private readonly transactions: Transactions,
    private readonly imports: ImportsRepository,
    private readonly tasks: TasksRepository,
  ) {}

  async write(
    projectId: string,
    plan: ImportPlan,
    importer: Importer,
    control: WriteControl,
  ): Promise<{ counts: ImportCounts; problems: ImportProblem[] }> {
    const problems = [...plan.problems];
    const built = await this.transactions.run(async (manager) => ({
      projectId,
      states: await this.writeStates(manager, projectId, plan, problems),
      fields: await this.writeFields(manager, projectId, plan, problems),
      labels: await this.writeLabels(manager, projectId, plan, problems),
      tasks: new Map<string, string>(),
    }));
    const levels = levelsOf(plan.tasks, problems);
    const positions = await positionsOf(plan.tasks);
    let written = 0;
    for (const level of levels) {
      for (let start = 0; start < level.length; start += BATCH) {
        if (control.stopping()) throw new ImportInterrupted();
        const batch = level.slice(start, start + BATCH);
        await this.transactions.run((manager) =>
          this.writeTasks(manager, batch, positions, built, importer, problems),
        );
        written += batch.length;
        await control.progress(written, plan.tasks.length);
      }
    }
    const counts = await this.transactions.run((manager) =>
      this.writeConversation(manager, plan, built, importer, problems),
    );
    return {
      counts: {
        tasks: built.tasks.size,
        comments: counts.comments,
        labels: new Set(built.labels.values()).size,
        states: built.states.length,
        fields: built.fields.size,
        relations: counts.relations,
        trashed: plan.tasks.filter((task) => task.deleted && built.tasks.has(task.key)).length,
      },
      problems,
    };
  }

  /**
   * The plan's states, names made unique, and a state of each status the plan lacks (a project always has one:
   * a status written later must have somewhere to go).
   */
  private async writeStates(
    manager: EntityManager,
    projectId: string,
    plan: ImportPlan,
    problems: ImportProblem[],
  ): Promise<Built['states']> {
    const names = new UniqueNames(50);
    const states = plan.states.map((state) => {
      const category = STATE_CATEGORIES.includes(state.category) ? state.category : 'unstarted';
      if (category !== state.category) {
        problems.push({
          item: `state "${state.name}"`,
          message: `category "${state.category}" is not one we know: unstarted`,
        });
      }
      return { key: state.key, name: names.take(state.name, 'State'), category, color: colorOr(state.color) };
    });
    for (const missing of DEFAULT_STATES) {
      const status = STATUS_OF_CATEGORY[missing.category];
      if (!states.some((state) => STATUS_OF_CATEGORY[state.category] === status)) {
        states.push({
          key: `(default ${status})`,
          name: names.take(missing.name, 'State'),
          category: missing.category,
          color: missing.color,
        });
      }
    }
    const ids = await this.imports.insertStates(manager, projectId, states);
    return states.map((state, index) => ({ id: ids[index], category: state.category, key: state.key }));
  }

  private async writeFields(
    manager: EntityManager,
    projectId: string,
    plan: ImportPlan,
    problems: ImportProblem[],
  ): Promise<Built['fields']> {
    const names = new UniqueNames(50);
    const kept = plan.fields.filter((field, index) => {
      const fits = FIELD_TYPES.includes(field.type) && index < MAX_FIELDS_PER_PROJECT;
      if (!fits)
        problems.push({
          item: `field "${field.name}"`,
          message: 'not a field type we know, or past 50 fields: left out',
        });
      return fits;
    });
    const fields = kept.map((field) => {
      const optionNames = new UniqueNames(50);
      const options =
        field.type === 'select' || field.type === 'multi_select'
          ? field.options.slice(0, MAX_OPTIONS_PER_FIELD)
          : [];
      const withIds = options.map((option) => ({
        key: option.key,
        option: {
          id: randomUUID(),
          name: optionNames.take(option.name, 'Option'),
          color: colorOr(option.color),
        },
      }));
      return { key: field.key, name: names.take(field.name, 'Field'), type: field.type, withIds };
    });
    const ids = await this.imports.insertFields(
      manager,
      projectId,
      fields.map((field) => ({
        name: field.name,
        type: field.type,
        options: field.withIds.map((o) => o.option),
      })),
    );
    return new Map(
      fields.map((field, index) => [
        field.key,
        {
          id: ids[index],
          projectId,
          name: field.name,
          type: field.type,
          options: field.withIds.map((o) => o.option),
          position: index,
          optionIds: new Map(field.withIds.map((o) => [o.key, o.option.id])),
        },
      ]),
    );
  }

  /** Labels by name, ignoring case: two of the same name in the file become one, and the tasks keep it. */
  private async writeLabels(
    manager: EntityManager,
    projectId: string,
    plan: ImportPlan,
    problems: ImportProblem[],
  ): Promise<Built['labels']> {
    const byName = new Map<string, { name: string; color: string; keys: string[] }>();
    for (const label of plan.labels) {
      const [name] = cut(label.name.trim() || 'label', 50);
      const known = byName.get(name.toLowerCase());
      if (known) {
        known.keys.push(label.key);
        problems.push({
          item: `label "${label.name}"`,
          message: 'another label has this name: the two are one label',
        });
      } else {
        byName.set(name.toLowerCase(), { name, color: colorOr(label.color), keys: [label.key] });
      }
    }
    const labels = [...byName.values()];
    const ids = await this.imports.insertLabels(manager, projectId, labels);
    return new Map(
      labels.flatMap((label, index) => label.keys.map((key) => [key, ids[index]] as [string, string])),
    );
  }

  private async writeTasks(
    manager: EntityManager,
    batch: PlannedTask[],
    positions: Map<string, string>,
    built: Built,
    importer: Importer,
    problems: ImportProblem[],
  ): Promise<void> {
    const states = batch.map((task) =>
      this.stateOf(task, positions.get(task.key)!, built, importer, problems),
    );
    const ids = await this.tasks.insertMany(manager, states, importer.id);
    batch.forEach((task, index) => built.tasks.set(task.key, ids[index]));
    await this.tasks.setLabels(
      manager,
      states
        .map((state, index) => ({ taskId: ids[index], labelIds: state.labelIds }))
        .filter((w) => w.labelIds.length > 0),
    );
    await this.tasks.scheduleReminders(
      manager,
      states
        .map((state, index) => ({ taskId: ids[index], reminders: upcomingReminders(state) }))
        .filter((write) => write.reminders.length > 0),
    );
    await this.imports.trash(
      manager,
      batch.filter((task) => task.deleted).map((task) => built.tasks.get(task.key)!),
    );
  }

  /** A planned task as the service would store it, every value checked by the rules a write passes. */
  private stateOf(
    task: PlannedTask,
    position: string,
    built: Built,
    importer: Importer,
    problems: ImportProblem[],
  ): TaskState {
    const report = (message: string) => problems.push({ item: task.item, message });
    const [cutTitle, long] = cut(task.title.trim(), 500);
    let title = cutTitle;
    if (long) report('the title was cut to 500 characters');
    if (!title) {
      title = '(untitled)';
      report('no title: named "(untitled)"');
    }
    const [description, longDescription] = cut(task.description ?? '', 20000);
    if (longDescription) report('the description was cut to 20,000 characters');
    const state = this.workflowStateOf(task, built);
    const dueDate = task.dueDate && isCalendarDate(task.dueDate) ? task.dueDate : null;
    if (task.dueDate && !dueDate) report(`due date "${task.dueDate}" is not a calendar date: left out`);
    const priority =
      Number.isInteger(task.priority) && Math.abs(task.priority!) <= 2147483647 ? task.priority! : 0;
    const assigneeId = this.assigneeOf(task, importer, report);
    return {
      ...TASK_DEFAULTS,
      projectId: built.projectId,
      title,
      description: description || null,
      stateId: state.id,
      status: STATUS_OF_CATEGORY[state.category],
      priority,
      dueDate,
      assigneeId,
      recurrence: this.recurrenceOf(task, dueDate, report),
      timezone: importer.timezone,
      reminders: this.remindersOf(task, report),
      parentId: task.parentKey ? (built.tasks.get(task.parentKey) ?? null) : null,
      position,
      fields: this.fieldValuesOf(task, built, importer, report),
      labelIds: [
        ...new Set(
          (task.labelKeys ?? []).map((key) => built.labels.get(key)).filter((id) => id !== undefined),
        ),
      ].sort(),
    };
  }

  /** The task's state: the one it names, else the project's first of the status it names (pending by default). */
  private workflowStateOf(task: PlannedTask, built: Built): Built['states'][number] {
    const named =
      task.stateKey !== undefined ? built.states.find((state) => state.key === task.stateKey) : undefined;
    const status: TaskStatus = task.status ?? 'pending';
    if (named && (task.status === undefined || STATUS_OF_CATEGORY[named.category] === status)) return named;
    return built.states.find((state) => STATUS_OF_CATEGORY[state.category] === status)!;
  }

  /** Only the person importing is a member of the new project: a task assigned to anyone else is unassigned. */
  private assigneeOf(
    task: PlannedTask,
    importer: Importer,
    report: (message: string) => void,
  ): string | null {
    if (!task.assignee) return null;
    const named = task.assignee.toLowerCase();
    if ([importer.id, importer.username.toLowerCase(), importer.email.toLowerCase()].includes(named))
      return importer.id;
    report(`assigned to "${task.assignee}", who is not a member of the new project: left unassigned`);
    return null;
  }

  private recurrenceOf(
    task: PlannedTask,
    dueDate: string | null,
    report: (message: string) => void,
  ): TaskState['recurrence'] {
    if (!task.recurrence) return null;
    const problem = ruleProblem(task.recurrence.rule);
    if (problem || !dueDate) {
      report(`the recurrence was left out: ${problem ? `its rule ${problem}` : 'it needs a due date'}`);
      return null;
    }
    return {
      rule: normalizeRule(task.recurrence.rule),
      from: task.recurrence.from === 'completion' ? 'completion' : 'due',
    };
  }

  private remindersOf(task: PlannedTask, report: (message: string) => void): TaskState['reminders'] {
    const valid = (task.reminders ?? []).filter((reminder) =>
      reminder.at !== undefined
        ? !Number.isNaN(Date.parse(reminder.at))
        : reminder.before !== undefined &&
          durationProblem(reminder.before) === null &&
          (reminder.time === undefined || WALL_TIME.test(reminder.time)),
    );
    if (valid.length < (task.reminders ?? []).length || valid.length > 5)
      report('reminders that are not valid, or past five, were left out');
    return valid
      .slice(0, 5)
      .map((reminder) =>
        reminder.at !== undefined
          ? { at: new Date(reminder.at).toISOString() }
          : reminder.time === undefined
            ? { before: reminder.before! }
            : { before: reminder.before!, time: reminder.time },
      );
  }

  private fieldValuesOf(
    task: PlannedTask,
    built: Built,
    importer: Importer,
    report: (message: string) => void,
  ): TaskFieldValues {
    const values: TaskFieldValues = {};
    for (const [key, value] of Object.entries(task.fields ?? {})) {
      const field = built.fields.get(key);
      if (!field) continue;
      const mapped =
        field.type === 'select'
          ? field.optionIds.get(String(value))
          : field.type === 'multi_select' && Array.isArray(value)
            ? value.map((option) => field.optionIds.get(String(option)))
            : value;
      const checked = checkFieldValue(field, mapped, new Set([importer.id]));
      if ('problem' in checked)
        report(`the value of field "${field.name}" was left out: it ${checked.problem}`);
      else values[field.id] = checked.value;
    }
    return inIdOrder(values);
  }

  private async writeConversation(
    manager: EntityManager,
    plan: ImportPlan,
    built: Built,
    importer: Importer,
    problems: ImportProblem[],
  ): Promise<{ comments: number; relations: number }> {
    const comments = plan.tasks.flatMap((task) => {
      const taskId = built.tasks.get(task.key)!;
      return (task.comments ?? [])
        .filter((comment) => comment.body.trim() !== '')
        .map((comment) => {
          const body = comment.authorName ? `${comment.authorName} wrote:\n\n${comment.body}` : comment.body;
          const [kept, long] = cut(body, 10000);
          if (long) problems.push({ item: task.item, message: 'a comment was cut to 10,000 characters' });
          const createdAt =
            comment.createdAt && !Number.isNaN(Date.parse(comment.createdAt)) ? comment.createdAt : null;
          return { taskId, authorId: importer.id, body: kept, createdAt };
        });
    });
    for (let start = 0; start < comments.length; start += BATCH * 4) {
      await this.imports.insertComments(manager, comments.slice(start, start + BATCH * 4));
    }
    const pairs = new Set<string>();
    const relations = plan.tasks.flatMap((task) =>
      (task.relations ?? []).flatMap((relation) => {
        const [sourceId, targetId] = [built.tasks.get(task.key)!, built.tasks.get(relation.targetKey)];
        const pair = [sourceId, targetId].sort().join();
        if (
          !targetId ||
          !RELATION_KINDS.includes(relation.kind) ||
          sourceId === targetId ||
          pairs.has(pair)
        ) {
          problems.push({
            item: task.item,
            message: `a relation to ${relation.targetKey} was left out: that task is not in the file, or it repeats`,
          });
          return [];
        }
        pairs.add(pair);
        return [{ kind: relation.kind, sourceId, targetId }];
      }),
    );
    await this.imports.insertRelations(manager, relations, importer.id);
    return { comments: comments.length, relations: relations.length };
  }
}

/** A place for each task in the plan's order, made a batch at a time so the event loop gets its turns. */
async function positionsOf(tasks: PlannedTask[]): Promise<Map<string, string>> {
  const positions = new Map<string, string>();
  let last: string | null = null;
  for (let start = 0; start < tasks.length; start += BATCH) {
    const batch = tasks.slice(start, start + BATCH);
    const keys = keysAfter(last, batch.length);
    batch.forEach((task, index) => positions.set(task.key, keys[index]));
    last = keys[keys.length - 1];
    await nextTurn();
  }
  return positions;
}

/**
 * The tasks in writing order: level by level, parents first, each level in the plan's order. A task whose parent
 * is not in the file, or that would nest deeper than five levels (or in a cycle), goes to the top or under its
 * deepest allowed ancestor, reported.
 */
function levelsOf(tasks: PlannedTask[], problems: ImportProblem[]): PlannedTask[][] {
  const byKey = new Map(tasks.map((task) => [task.key, task]));
  const depth = new Map<string, number>();
  const depthOf = (task: PlannedTask, seen = new Set<string>()): number => {
    const known = depth.get(task.key);
    if (known !== undefined) return known;
    const parent = task.parentKey !== undefined ? byKey.get(task.parentKey) : undefined;
    if (task.parentKey !== undefined && (!parent || seen.has(parent.key))) {
      problems.push({ item: task.item, message: 'its parent is not in the file: it is a top-level task' });
      task.parentKey = undefined;
    }
    let level = 1;
    if (task.parentKey !== undefined) {
      seen.add(task.key);
      level = depthOf(parent!, seen) + 1;
      if (level > MAX_LEVELS) {
        // Under the ancestor at the deepest level a subtask may have, so it stays in its branch.
        let ancestor = parent!;
        while (depth.get(ancestor.key)! >= MAX_LEVELS) ancestor = byKey.get(ancestor.parentKey!)!;
        task.parentKey = ancestor.key;
        level = MAX_LEVELS;
        problems.push({ item: task.item, message: 'nested deeper than five levels: moved up to the fifth' });
      }
    }
    depth.set(task.key, level);
    return level;
  };
  const levels: PlannedTask[][] = Array.from({ length: MAX_LEVELS }, () => []);
  for (const task of tasks) levels[depthOf(task) - 1].push(task);
  return levels.filter((level) => level.length > 0);
}

/** Names unique in their list, ignoring case, as the database requires: a repeat gets " (2)", " (3)", … */
class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(private readonly maxLength: number) {}

  take(wanted: string, fallback: string): string {
    const base = wanted.trim() || fallback;
    let name = cut(base, this.maxLength)[0];
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = cut(base, this.maxLength - suffix.length)[0] + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}
