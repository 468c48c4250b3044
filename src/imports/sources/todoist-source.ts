import { IsIanaTimezone } from '../../users/dto/user-fields';
import { countTask, ImportFailure, ImportPlan, Importer, PlannedTask } from '../import-plan';
import { dateIn } from './dates';
import { csvRows, OpenFile } from './streams';

/** Todoist's p1 (most urgent) to p4 (none): Taskforge's higher-is-more-important 3 to 0. */
const PRIORITIES: Record<string, number> = { '1': 3, '2': 2, '3': 1, '4': 0 };
/** Its "Name (12345)" form of a person. */
const personName = (value: string) => value.replace(/\s*\(\d+\)\s*$/, '').trim();

/**
 * A Todoist project export in its CSV template (TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR, RESPONSIBLE,
 * DATE, DATE_LANG, TIMEZONE): sections become states, INDENT subtasks, `@label` words labels, notes comments on
 * the task above. Dates are read in the file's TIMEZONE (the importer's when it has none); a date Todoist wrote in
 * words ("every monday") is kept in the description and reported.
 */
export async function readTodoistCsv(open: OpenFile, importer: Importer): Promise<ImportPlan> {
  const plan: ImportPlan = {
    name: 'Todoist project',
    states: [],
    fields: [],
    labels: [],
    tasks: [],
    problems: [],
  };
  const labels = new Map<string, string>();
  /** The last task at each indent level, for the next deeper one's parent. */
  const ancestors: PlannedTask[] = [];
  let section: string | undefined;
  let sawHeader = false;
  for await (const { line, row } of csvRows(open)) {
    if (!sawHeader) {
      if (!('type' in row) || !('content' in row)) {
        throw new ImportFailure('The file is not a Todoist CSV: it needs the columns TYPE and CONTENT');
      }
      sawHeader = true;
    }
    const item = `row ${line}`;
    const type = row.type;
    if (type === 'section') {
      section = `section ${line}`;
      plan.states.push({ key: section, name: row.content || 'Section', category: 'unstarted' });
      ancestors.length = 0;
      continue;
    }
    if (type === 'note') {
      const task = ancestors.at(-1);
      if (!task) plan.problems.push({ item, message: 'a note with no task above it was skipped' });
      else
        task.comments!.push({
          body: row.content,
          authorName: row.author ? personName(row.author) : undefined,
        });
      continue;
    }
    if (type !== 'task') {
      if (type) plan.problems.push({ item, message: `a row of type "${type}" was skipped` });
      continue;
    }
    countTask(plan);
    const words = row.content.split(/\s+/);
    const labelNames = words.filter((word) => /^@[\p{L}\p{N}_-]+$/u.test(word)).map((word) => word.slice(1));
    for (const name of labelNames) if (!labels.has(name.toLowerCase())) labels.set(name.toLowerCase(), name);
    const indent = Math.max(1, Number.parseInt(row.indent || '1', 10) || 1);
    const timezone =
      row.timezone && new IsIanaTimezone().validate(row.timezone) ? row.timezone : importer.timezone;
    const dueDate = row.date ? dateIn(row.date, timezone) : undefined;
    const description = [row.description, row.date && !dueDate ? `Due: ${row.date}` : '']
      .filter(Boolean)
      .join('\n\n');
    if (row.date && !dueDate) {
      plan.problems.push({
        item,
        message: `the date "${row.date}" is not a calendar date: kept in the description`,
      });
    }
    if (row.priority && !(row.priority in PRIORITIES)) {
      plan.problems.push({ item, message: `priority "${row.priority}" is not 1 to 4: no priority` });
    }
    const task: PlannedTask = {
      key: `row ${line}`,
      item,
      parentKey: indent > 1 ? ancestors[Math.min(indent - 1, ancestors.length) - 1]?.key : undefined,
      title: words
        .filter((word) => !/^@[\p{L}\p{N}_-]+$/u.test(word))
        .join(' ')
        .trim(),
      description: description || null,
      stateKey: section,
      priority: PRIORITIES[row.priority] ?? 0,
      dueDate: dueDate ?? null,
      assignee: row.responsible ? personName(row.responsible) : undefined,
      labelKeys: labelNames.map((name) => name.toLowerCase()),
      comments: [],
    };
    ancestors.length = Math.min(indent - 1, ancestors.length);
    ancestors.push(task);
    plan.tasks.push(task);
  }
  if (
    plan.tasks.length > 0 &&
    plan.tasks.some((task) => task.stateKey === undefined) &&
    plan.states.length > 0
  ) {
    plan.states.unshift({ key: 'no section', name: 'No section', category: 'unstarted' });
    for (const task of plan.tasks) task.stateKey ??= 'no section';
  }
  plan.labels = [...labels].map(([key, name]) => ({ key, name }));
  return plan;
}
