import { computed, signal } from '@preact/signals';
import { api, type Member, type Project, type Task } from './api/client';
import type { components } from './api/schema';

import { isWorkflowEvent, type LiveEvent } from './live';
import { dataOr } from './problems';

type Label = components['schemas']['LabelDto'];
type View = components['schemas']['ViewDto'];
export type WorkflowState = components['schemas']['StateDto'];
export type CustomField = components['schemas']['FieldDto'];

export const STATUSES = [
  { status: 'pending', name: 'Pending' },
  { status: 'in_progress', name: 'In progress' },
  { status: 'completed', name: 'Completed' },
] as const;
export type Status = (typeof STATUSES)[number]['status'];

const STATUS_OF_CATEGORY: Record<WorkflowState['category'], Status> = {
  backlog: 'pending',
  unstarted: 'pending',
  started: 'in_progress',
  completed: 'completed',
  canceled: 'completed',
};

/** A column's accessible name: its state, and the status it stands for when the name does not say so already. */
export function columnLabel(state: WorkflowState): string {
  const status = STATUSES.find((candidate) => candidate.status === STATUS_OF_CATEGORY[state.category])!.name;
  return state.name === status ? state.name : `${state.name} (${status})`;
}

export const boardProject = signal<Project | null>(null);
export const boardMembers = signal<Member[]>([]);
/** The board's tasks by id; a newer version always wins, so an event and a response crossing never duplicate. */
export const boardTasks = signal<Map<string, Task>>(new Map());
/** The labels of the open project, for the filter and the task dialog. */
export const boardLabels = signal<Label[]>([]);
/** The saved views the caller may use on the open project: shared ones and their own. */
export const boardViews = signal<View[]>([]);
/** The open project's workflow states: the board's columns, in order. */
export const boardStates = signal<WorkflowState[]>([]);
/** The open project's custom fields, in order: the task dialog edits them. */
export const boardFields = signal<CustomField[]>([]);

export interface BoardFilter {
  mine: boolean;
  due: '' | 'overdue' | 'today' | 'future' | 'none';
  q: string;
  /** A label's id, 'none' for unlabelled tasks, '' for any. */
  label: string;
  /** A saved view's id: its query instead of the fields above; '' for none. */
  view: string;
}
const NO_FILTER: BoardFilter = { mine: false, due: '', q: '', label: '', view: '' };
export const boardFilter = signal<BoardFilter>(NO_FILTER);
/** Ids the server's filter answers with; null when no filter is set (every task shows). */
export const filteredIds = signal<Set<string> | null>(null);

const byPosition = (a: Task, b: Task) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

export const columns = computed(() => {
  const shown = filteredIds.value;
  const tasks = [...boardTasks.value.values()].filter(
    (task) => !task.parentId && (!shown || shown.has(task.id)),
  );
  return boardStates.value.map((state) => ({
    id: state.id,
    name: state.name,
    label: columnLabel(state),
    tasks: tasks.filter((task) => task.stateId === state.id).sort(byPosition),
  }));
});

export function upsertTask(task: Task): void {
  if (task.projectId !== boardProject.value?.id) return removeTask(task.id);
  const current = boardTasks.value.get(task.id);
  if (current && current.version > task.version) return;
  const next = new Map(boardTasks.value);
  next.set(task.id, task);
  boardTasks.value = next;
}

export function removeTask(id: string): void {
  if (!boardTasks.value.has(id)) return;
  const next = new Map(boardTasks.value);
  next.delete(id);
  boardTasks.value = next;
}

/** Every top-level task of the project, page by page (a board holds at most a few thousand). */
export async function loadBoard(projectId: string): Promise<number> {
  if (boardProject.value?.id !== projectId) {
    boardFilter.value = NO_FILTER;
    filteredIds.value = null;
  }
  // The project's newest record is read before its tasks, so a change made while they load is caught up from
  // /changes after it, never missed.
  const [project, members, feed, labels, views, workflow] = await Promise.all([
    api.GET('/api/v1/projects/{id}', { params: { path: { id: projectId } } }),
    api.GET('/api/v1/projects/{projectId}/members', {
      params: { path: { projectId }, query: { limit: 100 } },
    }),
    api.GET('/api/v1/projects/{id}/activity', { params: { path: { id: projectId }, query: { limit: 1 } } }),
    api.GET('/api/v1/projects/{projectId}/labels', { params: { path: { projectId } } }),
    api.GET('/api/v1/projects/{projectId}/views', { params: { path: { projectId } } }),
    workflowOf(projectId),
  ]);
  boardProject.value = dataOr(project);
  boardMembers.value = dataOr(members)?.items ?? [];
  boardLabels.value = dataOr(labels)?.items ?? [];
  boardViews.value = dataOr(views)?.items ?? [];
  boardStates.value = workflow.states;
  boardFields.value = workflow.fields;
  const newest = dataOr(feed)?.items[0]?.seq ?? 0;
  const tasks = new Map<string, Task>();
  let cursor: string | undefined;
  for (let page = 0; page < 25; page++) {
    const answer = dataOr(
      await api.GET('/api/v1/projects/{projectId}/tasks', {
        params: { path: { projectId }, query: { sort: 'position', limit: 200, parentId: 'none', cursor } },
      }),
    );
    if (!answer) break;
    for (const task of answer.items) tasks.set(task.id, task);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  boardTasks.value = tasks;
  return newest;
}

/** The list query a filter stands for, as the task list (and a saved view) takes it. */
function filterQuery(filter: BoardFilter) {
  return {
    parentId: 'none',
    assigneeId: filter.mine ? 'me' : undefined,
    due: filter.due || undefined,
    q: filter.q.trim() || undefined,
    label: filter.label || undefined,
  };
}

/** Asks the server which tasks match; the board keeps its own copy of each and only hides the others. */
export async function applyFilter(filter: BoardFilter): Promise<void> {
  boardFilter.value = filter;
  const projectId = boardProject.value?.id;
  if (!projectId || (!filter.view && !filter.mine && !filter.due && !filter.q.trim() && !filter.label)) {
    filteredIds.value = null;
    return;
  }
  const answer = filter.view
    ? dataOr(
        await api.GET('/api/v1/views/{id}/tasks', {
          params: { path: { id: filter.view }, query: { limit: 200 } },
        }),
      )
    : dataOr(
        await api.GET('/api/v1/projects/{projectId}/tasks', {
          params: { path: { projectId }, query: { limit: 200, ...filterQuery(filter) } },
        }),
      );
  filteredIds.value = new Set(answer?.items.map((task) => task.id) ?? []);
}

/** Saves the board's filter as a view of the caller's own, and shows it. */
export async function saveView(name: string): Promise<boolean> {
  const projectId = boardProject.value?.id;
  if (!projectId) return false;
  const fields = Object.entries(filterQuery(boardFilter.value)).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const view = dataOr(
    await api.POST('/api/v1/projects/{projectId}/views', {
      params: { path: { projectId } },
      body: { name, query: new URLSearchParams(fields).toString(), layout: 'board' },
    }),
  );
  if (!view) return false;
  boardViews.value = [...boardViews.value, view].sort((a, b) => a.name.localeCompare(b.name));
  await applyFilter({ ...NO_FILTER, view: view.id });
  return true;
}

/** A project's columns and fields. */
async function workflowOf(projectId: string): Promise<{ states: WorkflowState[]; fields: CustomField[] }> {
  const [states, fields] = await Promise.all([
    api.GET('/api/v1/projects/{projectId}/states', { params: { path: { projectId } } }),
    api.GET('/api/v1/projects/{projectId}/fields', { params: { path: { projectId } } }),
  ]);
  return { states: dataOr(states)?.items ?? [], fields: dataOr(fields)?.items ?? [] };
}

/** The columns and fields again, after someone changed the workflow. */
async function reloadWorkflow(): Promise<void> {
  const projectId = boardProject.value?.id;
  if (!projectId) return;
  const workflow = await workflowOf(projectId);
  // A board that moved on to another project meanwhile keeps that project's.
  if (boardProject.value?.id !== projectId) return;
  boardStates.value = workflow.states;
  boardFields.value = workflow.fields;
}

async function refetch(ids: string[]): Promise<void> {
  for (const id of ids) {
    const { data, response } = await api.GET('/api/v1/tasks/{id}', { params: { path: { id } } });
    if (data) upsertTask(data);
    else if (response.status === 404) removeTask(id);
  }
}

/** What the live connection does to the board. */
export const boardEvents = {
  onTaskEvent(event: LiveEvent): void {
    if (isWorkflowEvent(event.event)) return void reloadWorkflow();
    if (event.event === 'task.deleted' && event.taskId) return removeTask(event.taskId);
    if (event.task) return upsertTask(event.task);
    if (event.taskId) void refetch([event.taskId]);
  },
  onCatchUp(taskIds: string[]): void {
    void refetch(taskIds);
  },
  onReload(): void {
    const projectId = boardProject.value?.id;
    if (projectId) void loadBoard(projectId);
  },
  onNotification(): void {
    notificationsChanged.value++;
  },
};

/** Bumped by every notification event; the notifications button re-reads its count. */
export const notificationsChanged = signal(0);
