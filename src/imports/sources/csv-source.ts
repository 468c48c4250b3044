import type { StateCategory, TaskStatus } from '../../workflow/workflow';
import { countTask, ImportFailure, ImportPlan, Importer, PlannedTask } from '../import-plan';
import { dateIn } from './dates';
import { csvRows, OpenFile } from './streams';

/** The header names each column may go by, lower-cased. */
const COLUMNS = {
  title: ['title', 'name', 'task', 'content'],
  description: ['description', 'notes', 'details'],
  status: ['status'],
  state: ['state', 'column', 'list', 'section'],
  priority: ['priority'],
  dueDate: ['due date', 'duedate', 'due', 'due_date'],
  labels: ['labels', 'tags'],
  assignee: ['assignee', 'assigned to', 'owner'],
} as const;

const STATUS_WORDS: Record<string, TaskStatus> = {
  pending: 'pending',
  todo: 'pending',
  'to do': 'pending',
  open: 'pending',
  in_progress: 'in_progress',
  'in progress': 'in_progress',
  doing: 'in_progress',
  started: 'in_progress',
  completed: 'completed',
  complete: 'completed',
  done: 'completed',
  closed: 'completed',
};
const PRIORITY_WORDS: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, urgent: 4 };

function categoryOf(stateName: string): StateCategory {
  const status = STATUS_WORDS[stateName.toLowerCase()];
  if (status === 'completed') return 'completed';
  if (status === 'in_progress' || /progress|review|doing/i.test(stateName)) return 'started';
  return 'unstarted';
}

/**
 * A CSV file with a header row: `title` required, and any of description, status or state, priority (a number or
 * none/low/medium/high/urgent), due date, labels (separated by `;` or `,`) and assignee. A row without a title is
 * skipped, a value that cannot be read is left out; each is reported with its line, and neither stops the import.
 */
export async function readTaskCsv(open: OpenFile, importer: Importer): Promise<ImportPlan> {
  const plan: ImportPlan = {
    name: 'Imported tasks',
    states: [],
    fields: [],
    labels: [],
    tasks: [],
    problems: [],
  };
  const states = new Map<string, string>();
  const labels = new Map<string, string>();
  let columns: Record<keyof typeof COLUMNS, string | undefined> | undefined;
  for await (const { line, row } of csvRows(open)) {
    const found = (columns ??= columnsOf(Object.keys(row)));
    const item = `row ${line}`;
    const value = (name: keyof typeof COLUMNS) => {
      const column = found[name];
      return column ? (row[column] ?? '') : '';
    };
    const title = value('title');
    if (!title) {
      plan.problems.push({ item, message: 'no title: the row was skipped' });
      continue;
    }
    countTask(plan);
    const task: PlannedTask = { key: item, item, title, description: value('description') || null };
    const status = value('status');
    if (status) {
      task.status = STATUS_WORDS[status.toLowerCase()];
      if (!task.status)
        plan.problems.push({ item, message: `status "${status}" is not one we know: pending` });
    }
    const state = value('state');
    if (state) {
      if (!states.has(state.toLowerCase())) {
        states.set(state.toLowerCase(), state);
        plan.states.push({ key: state.toLowerCase(), name: state, category: categoryOf(state) });
      }
      task.stateKey = state.toLowerCase();
    }
    const priority = value('priority');
    if (priority) {
      const number = /^-?\d+$/.test(priority) ? Number(priority) : PRIORITY_WORDS[priority.toLowerCase()];
      if (number === undefined || !Number.isSafeInteger(number)) {
        plan.problems.push({ item, message: `priority "${priority}" is not a number: left out` });
      } else task.priority = number;
    }
    const due = value('dueDate');
    if (due) {
      task.dueDate = dateIn(due, importer.timezone) ?? null;
      if (!task.dueDate)
        plan.problems.push({ item, message: `due date "${due}" is not a date (YYYY-MM-DD): left out` });
    }
    const names = value('labels')
      .split(/[;,]/)
      .map((name) => name.trim())
      .filter(Boolean);
    for (const name of names) if (!labels.has(name.toLowerCase())) labels.set(name.toLowerCase(), name);
    task.labelKeys = [...new Set(names.map((name) => name.toLowerCase()))];
    task.assignee = value('assignee') || undefined;
    plan.tasks.push(task);
  }
  if (!columns) throw new ImportFailure('The file has no header row');
  plan.labels = [...labels].map(([key, name]) => ({ key, name }));
  return plan;
}

function columnsOf(headers: string[]): Record<keyof typeof COLUMNS, string | undefined> {
  const found = Object.fromEntries(
    Object.entries(COLUMNS).map(([name, aliases]) => [
      name,
      aliases.find((alias) => headers.includes(alias)),
    ]),
  ) as Record<keyof typeof COLUMNS, string | undefined>;
  if (!found.title) throw new ImportFailure('The file needs a title column (title, name or task)');
  return found;
}
