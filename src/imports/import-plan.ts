import type { FieldType } from '../workflow/custom-fields';
import type { StateCategory, TaskStatus } from '../workflow/workflow';

/** The most tasks one import makes (checklist items and subtasks count). */
export const MAX_IMPORTED_TASKS = 100_000;
/** How many problems a report keeps word for word; past it, they are counted. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** Something the import skipped or changed, and why, named so a person finds it in their file. */
export interface ImportProblem {
  item: string;
  message: string;
}

export interface PlannedState {
  key: string;
  name: string;
  category: StateCategory;
  color?: string;
}

export interface PlannedField {
  key: string;
  name: string;
  type: FieldType;
  options: { key: string; name: string; color?: string }[];
}

export interface PlannedLabel {
  key: string;
  name: string;
  color?: string;
}

export interface PlannedComment {
  body: string;
  createdAt?: string;
  /** Who wrote it in the source, when that is not the person importing: kept in the text. */
  authorName?: string;
}

/** One task as a source describes it; keys are the source's own ids, mapped to new ids as it is written. */
export interface PlannedTask {
  key: string;
  /** Where a person finds it in the file ("card 5f…", "row 12"). */
  item: string;
  parentKey?: string;
  title: string;
  description?: string | null;
  stateKey?: string;
  status?: TaskStatus;
  priority?: number;
  dueDate?: string | null;
  /** A user id, username or email; kept only when it names the person importing (see ImportWriter). */
  assignee?: string;
  labelKeys?: string[];
  /** Values by field key; select values name option keys. */
  fields?: Record<string, unknown>;
  recurrence?: { rule: string; from?: 'due' | 'completion' } | null;
  reminders?: { at?: string; before?: string; time?: string }[];
  deleted?: boolean;
  comments?: PlannedComment[];
  relations?: { kind: string; targetKey: string }[];
}

/** A whole project as read from a file, before anything is written. */
export interface ImportPlan {
  name: string;
  description?: string | null;
  states: PlannedState[];
  fields: PlannedField[];
  labels: PlannedLabel[];
  tasks: PlannedTask[];
  problems: ImportProblem[];
}

/** Who imports, and where their dates are: what a source's reading may depend on. */
export interface Importer {
  id: string;
  username: string;
  email: string;
  timezone: string;
}

/** What an import failed on, shown on the job as its problem. */
export class ImportFailure extends Error {}

/** Counts the tasks a source yields and stops it past the limit, before it can fill memory. */
export function countTask(plan: ImportPlan): void {
  if (plan.tasks.length >= MAX_IMPORTED_TASKS) {
    throw new ImportFailure(`The file holds more than ${MAX_IMPORTED_TASKS.toLocaleString('en')} tasks`);
  }
}
