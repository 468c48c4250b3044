import type { GithubRepoDto } from '../github/dto/github-repo.dto';
import type { SubtaskCountsDto, TaskDto, TaskLabelDto } from './dto/task.dto';
import type { TaskStatus } from './dto/task-fields';
import { upcomingDates, type Recurrence } from './scheduling/recurrence';
import { reminderInstant, type Reminder } from './scheduling/reminders';
import type { TaskFieldValues } from '../workflow/custom-fields';

/**
 * The task record model. One table below names every field a write sets: its column, SQL type, how it is read and
 * written, its default, and whether the history names its changes. The write statements, the read's select list, the
 * state type, the defaults and the tracked fields are all derived from it, so a plain new field is one line here.
 */

interface StateColumn<T> {
  column: string;
  /** Its type in the `unnest` of a set-based write. */
  type: string;
  /** How a read selects it, when not as stored. */
  read?: string;
  /** How a write passes it, when not as it is. */
  toParameter?: (value: T) => unknown;
  /** What a create or a PUT that does not send it gives it; fields without one are always set. */
  default?: T;
  /** Kept out of the history: bookkeeping, or (positions) recorded only by the move that changes it. */
  untracked?: true;
}

const column = <T>(name: string, type: string, options: Omit<StateColumn<T>, 'column' | 'type'> = {}) =>
  ({ column: name, type, ...options }) as StateColumn<T>;

const asJson = (value: unknown) => (value === null ? null : JSON.stringify(value));

const STATE_COLUMNS = {
  projectId: column<string>('project_id', 'uuid'),
  title: column<string>('title', 'text'),
  description: column<string | null>('description', 'text', { default: null }),
  /** The project's workflow state the task is in (see workflow.ts); its category sets the status. */
  stateId: column<string>('state_id', 'uuid'),
  status: column<TaskStatus>('status', 'text', { default: 'pending' }),
  priority: column<number>('priority', 'integer', { default: 0 }),
  dueDate: column<string | null>('due_date', 'date', {
    default: null,
    read: `to_char(t.due_date, 'YYYY-MM-DD')`,
  }),
  assigneeId: column<string | null>('assignee_id', 'uuid', { default: null }),
  /** The linked repository's cache key (lower-cased owner/name); the answer shows its details. */
  githubRepo: column<string | null>('github_repo', 'text', { default: null }),
  recurrence: column<Recurrence | null>('recurrence', 'jsonb', { default: null, toParameter: asJson }),
  /** Occurrences completed under the current recurrence (COUNT counts them). */
  recurrenceDone: column<number>('recurrence_done', 'integer', { default: 0, untracked: true }),
  /** IANA zone of the task's dates and reminders. */
  timezone: column<string>('timezone', 'text'),
  reminders: column<Reminder[]>('reminders', 'jsonb', { default: [], toParameter: asJson }),
  /** The task this one is a subtask of, in the same project. */
  parentId: column<string | null>('parent_id', 'uuid', { default: null }),
  /** Its values of the project's custom fields, by field id (see custom-fields.ts). */
  fields: column<TaskFieldValues>('fields', 'jsonb', { default: {}, toParameter: asJson }),
  /** Its place in the project's manual order (see task-positions.ts). */
  position: column<string>('position', 'text', { untracked: true }),
};

type StateColumns = typeof STATE_COLUMNS;
type ValueOf<C> = C extends StateColumn<infer T> ? T : never;

/** The fields a write sets on a task: its columns, and its labels (rows of task_labels, sorted). */
export type TaskState = { [K in keyof StateColumns]: ValueOf<StateColumns[K]> } & { labelIds: string[] };

const STATE_KEYS = Object.keys(STATE_COLUMNS) as (keyof StateColumns)[];
const columnOf = (key: keyof StateColumns) => STATE_COLUMNS[key] as StateColumn<unknown>;

/** What a field is when a create or a PUT does not send it. */
export const TASK_DEFAULTS = Object.fromEntries([
  ...STATE_KEYS.filter((key) => 'default' in columnOf(key)).map((key) => [key, columnOf(key).default]),
  ['labelIds', []],
]) as Omit<TaskState, 'projectId' | 'stateId' | 'title' | 'timezone' | 'position'>;

/** The fields whose changes the activity log records. */
export const TRACKED_FIELDS: readonly (keyof TaskState)[] = [
  ...STATE_KEYS.filter((key) => !columnOf(key).untracked),
  'labelIds',
];

/** A move's record names the place too; other writes move a task only as a consequence (to a project's end). */
export const PLACEMENT_FIELDS: readonly (keyof TaskState)[] = [...TRACKED_FIELDS, 'position'];

/** The dates a recurring task falls on after its due date, stored with it so that no read computes them. */
function nextOccurrences(state: TaskState): string[] {
  if (!state.recurrence || state.dueDate === null) return [];
  return upcomingDates({ ...state.recurrence, done: state.recurrenceDone }, state.dueDate);
}

/** Every column a write sets, with its type and its value for a state, in one order. */
const WRITTEN_COLUMNS: { column: string; type: string; value: (state: TaskState) => unknown }[] = [
  ...STATE_KEYS.map((key) => {
    const { column, type, toParameter } = columnOf(key);
    return {
      column,
      type,
      value: (state: TaskState) => (toParameter ? toParameter(state[key]) : state[key]),
    };
  }),
  { column: 'next_occurrences', type: 'jsonb', value: (state) => JSON.stringify(nextOccurrences(state)) },
];

export const WRITTEN_COLUMN_NAMES = WRITTEN_COLUMNS.map((written) => written.column);

/** Task states as rows: `unnest` of one array per written column (parameters from $1), and of any arrays `more` adds. */
export function stateRows(more = ''): string {
  return `unnest(${WRITTEN_COLUMNS.map((written, index) => `$${index + 1}::${written.type}[]`).join(', ')}${more})`;
}

/** The states' values, one array per written column: the first parameters of `stateRows`. */
export function stateParameters(states: TaskState[]): unknown[][] {
  return WRITTEN_COLUMNS.map((written) => states.map(written.value));
}

/** What a read shows beside the state: set by the database, or computed from other rows. */
export interface TaskFacts {
  id: string;
  createdById: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  version: number;
  linkedRepo: GithubRepoDto | null;
  commentCount: number;
  attachmentCount: number;
  nextOccurrences: string[];
  labels: TaskLabelDto[];
  subtaskCounts: SubtaskCountsDto;
  blocked: boolean;
}

/** A task as read: the state a write starts from, and the facts its answer shows beside it. */
export interface TaskRecord {
  state: TaskState;
  facts: TaskFacts;
}

/** How a read (from `tasks t`) selects the state, as `recordOf` expects it. */
export const STATE_SELECT = STATE_KEYS.map(
  (key) => `${columnOf(key).read ?? `t.${columnOf(key).column}`} AS "${key}"`,
);

/** A row read with STATE_SELECT and every fact. */
export type TaskRow = Omit<TaskState, 'labelIds'> & TaskFacts;

export function recordOf(row: TaskRow): TaskRecord {
  const state = Object.fromEntries(STATE_KEYS.map((key) => [key, row[key]])) as Omit<TaskState, 'labelIds'>;
  const { id, createdById, createdAt, updatedAt, completedAt, version, linkedRepo, commentCount } = row;
  const { attachmentCount, nextOccurrences, labels, subtaskCounts, blocked } = row;
  return {
    state: { ...state, labelIds: labels.map((label) => label.id).sort() },
    facts: {
      id,
      createdById,
      createdAt,
      updatedAt,
      completedAt,
      version,
      linkedRepo,
      commentCount,
      attachmentCount,
      nextOccurrences,
      labels,
      subtaskCounts,
      blocked,
    },
  };
}

/** The answer REST and events give: the state as shown (the repository's details, reminders with their instant). */
export function answerOf({ state, facts }: TaskRecord): TaskDto {
  const { githubRepo: _key, recurrenceDone: _done, labelIds: _labelIds, reminders, ...shown } = state;
  const { linkedRepo, ...rest } = facts;
  return {
    ...shown,
    ...rest,
    completed: state.status === 'completed',
    githubRepo: linkedRepo,
    reminders: reminders.map((reminder) => ({
      ...reminder,
      remindAt: reminderInstant(reminder, state.dueDate, state.timezone)?.toISOString() ?? null,
    })),
  };
}
