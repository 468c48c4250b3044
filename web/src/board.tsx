import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Task } from './api/client';
import { live } from './app';
import {
  applyFilter,
  boardFilter,
  boardLabels,
  boardMembers,
  boardProject,
  boardViews,
  columns,
  loadBoard,
  saveView,
  upsertTask,
} from './board-store';
import { dataOr } from './problems';
import { TaskDialog } from './task-dialog';
import { ProjectExport } from './project-export';
import { InviteMember } from './invite-member';
import { OneFieldForm } from './one-field-form';

/** The task whose dialog is open, if any. */
export const openTaskId = signal<string | null>(null);

/** Places a task between two neighbours (either may be absent) of a column, through the move route. */
async function move(
  task: Task,
  stateId: string,
  after: Task | undefined,
  before: Task | undefined,
): Promise<void> {
  const moved = dataOr(
    await api.POST('/api/v1/tasks/{id}/move', {
      params: { path: { id: task.id } },
      body: { stateId, after: after?.id, before: before?.id },
    }),
  );
  if (moved) upsertTask(moved);
}

function columnOf(taskId: string) {
  return columns.value.find((column) => column.tasks.some((task) => task.id === taskId));
}

/** Where a drop lands: on a card (its place) or on a column's free space (its end). */
function onDragEnd({ active, over }: DragEndEvent): void {
  if (!over || active.id === over.id) return;
  const from = columnOf(String(active.id));
  const task = from?.tasks.find((candidate) => candidate.id === active.id);
  if (!from || !task) return;
  const overId = String(over.id);
  const to = overId.startsWith('column:')
    ? columns.value.find((column) => `column:${column.id}` === overId)!
    : columnOf(overId);
  if (!to) return;
  if (to.id === from.id) {
    const ids = from.tasks.map((candidate) => candidate.id);
    const target = overId.startsWith('column:') ? ids.length - 1 : ids.indexOf(overId);
    const order = arrayMove(from.tasks, ids.indexOf(task.id), target);
    const index = order.indexOf(task);
    void move(task, to.id, order[index - 1], order[index + 1]);
    return;
  }
  const others = to.tasks;
  const index = overId.startsWith('column:')
    ? others.length
    : others.findIndex((candidate) => candidate.id === overId);
  void move(task, to.id, others[index - 1], others[index]);
}

/** The keyboard's way: the same moves as a drag, from a menu on each card. */
function moveBy(task: Task, choice: string): void {
  const column = columnOf(task.id);
  if (!column) return;
  const index = column.tasks.indexOf(task);
  if (choice === 'up' && index > 0)
    void move(task, column.id, column.tasks[index - 2], column.tasks[index - 1]);
  else if (choice === 'down' && index < column.tasks.length - 1)
    void move(task, column.id, column.tasks[index + 1], column.tasks[index + 2]);
  else if (choice.startsWith('to:')) {
    const target = columns.value.find((candidate) => candidate.id === choice.slice(3));
    if (target && target.id !== column.id)
      void move(task, target.id, target.tasks[target.tasks.length - 1], undefined);
  }
}

function Card({ task }: { task: Task }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: task.id,
    });
  // The handle is a real button already; dnd-kit's generic role would only restate it.
  const { role: _role, ...handleAttributes } = attributes;
  const assignee = boardMembers.value.find((member) => member.userId === task.assigneeId);
  return (
    <article
      ref={setNodeRef}
      aria-label={task.title}
      class={`card${isDragging ? ' dragging' : ''}${task.blocked ? ' blocked' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <button
        type="button"
        class="handle"
        ref={setActivatorNodeRef}
        {...handleAttributes}
        {...listeners}
        aria-label={`Drag ${task.title}`}
      >
        ⠿
      </button>
      <button type="button" class="title" onClick={() => (openTaskId.value = task.id)}>
        {task.title}
      </button>
      <div class="meta">
        {task.blocked ? <span class="badge blocked">Blocked</span> : null}
        {task.priority ? <span class="badge">P{task.priority}</span> : null}
        {task.dueDate ? <span class="badge">Due {task.dueDate}</span> : null}
        {assignee ? <span class="badge">@{assignee.username ?? assignee.displayName}</span> : null}
        {task.labels.map((label) => (
          <span class="label" key={label.id} style={{ borderColor: label.color }}>
            {label.name}
          </span>
        ))}
      </div>
      <select
        aria-label={`Move ${task.title}`}
        value=""
        onChange={(event) => {
          moveBy(task, event.currentTarget.value);
          event.currentTarget.value = '';
        }}
      >
        <option value="">Move…</option>
        <option value="up">Up</option>
        <option value="down">Down</option>
        {columns.value
          .filter((column) => column.id !== task.stateId)
          .map((column) => (
            <option value={`to:${column.id}`} key={column.id}>
              To {column.name}
            </option>
          ))}
      </select>
    </article>
  );
}

function NewTask({ projectId, stateId }: { projectId: string; stateId: string }) {
  async function create(title: string): Promise<boolean> {
    const task = dataOr(
      await api.POST('/api/v1/projects/{projectId}/tasks', {
        params: { path: { projectId } },
        body: { title, stateId },
      }),
    );
    if (task) upsertTask(task);
    return task !== null;
  }
  return (
    <OneFieldForm
      class="new-task"
      opener="New task"
      label="Title"
      maxLength={500}
      submit="Add task"
      dismiss="Done"
      onSave={create}
    />
  );
}

function Column({
  projectId,
  stateId,
  name,
  label,
  tasks,
}: {
  projectId: string;
  stateId: string;
  name: string;
  label: string;
  tasks: Task[];
}) {
  const { setNodeRef } = useDroppable({ id: `column:${stateId}` });
  return (
    <section class="column" aria-label={label} ref={setNodeRef}>
      <h2>
        {name} <span class="count">{tasks.length}</span>
      </h2>
      <SortableContext items={tasks.map((task) => task.id)} strategy={verticalListSortingStrategy}>
        <div class="cards">
          {tasks.map((task) => (
            <Card task={task} key={task.id} />
          ))}
        </div>
      </SortableContext>
      <NewTask projectId={projectId} stateId={stateId} />
    </section>
  );
}

function Filters() {
  const filter = boardFilter.value;
  // A filter changed by hand is no longer the saved view it may have started from.
  const applyFields = (change: Partial<typeof filter>) =>
    void applyFilter({ ...filter, ...change, view: '' });
  return (
    <form class="filters" aria-label="Filter the board" onSubmit={(event) => event.preventDefault()}>
      <label>
        View
        <select
          aria-label="View"
          value={filter.view}
          onChange={(event) =>
            void applyFilter({ mine: false, due: '', q: '', label: '', view: event.currentTarget.value })
          }
        >
          <option value="">All tasks</option>
          {boardViews.value.map((view) => (
            <option value={view.id} key={view.id}>
              {view.shared ? view.name : `${view.name} (mine)`}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={filter.mine}
          onChange={(event) => applyFields({ mine: event.currentTarget.checked })}
        />
        Assigned to me
      </label>
      <label>
        Due
        <select
          value={filter.due}
          onChange={(event) => applyFields({ due: event.currentTarget.value as typeof filter.due })}
        >
          <option value="">Any time</option>
          <option value="overdue">Overdue</option>
          <option value="today">Today</option>
          <option value="future">Later</option>
          <option value="none">No date</option>
        </select>
      </label>
      <label>
        Label
        <select value={filter.label} onChange={(event) => applyFields({ label: event.currentTarget.value })}>
          <option value="">Any label</option>
          {boardLabels.value.map((label) => (
            <option value={label.id} key={label.id}>
              {label.name}
            </option>
          ))}
          <option value="none">No label</option>
        </select>
      </label>
      <label>
        Search
        <input
          type="search"
          value={filter.q}
          onChange={(event) => applyFields({ q: event.currentTarget.value })}
        />
      </label>
      <OneFieldForm
        class="save-view"
        opener="Save view"
        label="View name"
        maxLength={100}
        submit="Save"
        dismiss="Cancel"
        onSave={saveView}
      />
    </form>
  );
}

/** One project's board: a column per workflow state, cards in their manual order, live. */
export function Board({ projectId, initialTaskId }: { projectId: string; initialTaskId?: string }) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  useEffect(() => {
    let cancelled = false;
    void loadBoard(projectId).then((seq) => {
      if (!cancelled) live.watch(projectId, seq);
    });
    if (initialTaskId) openTaskId.value = initialTaskId;
    return () => {
      cancelled = true;
      live.watch(null, 0);
      openTaskId.value = null;
    };
  }, [projectId]);

  const project = boardProject.value;
  return (
    <div class="board-page">
      <div class="board-head">
        <h1>{project?.name ?? 'Board'}</h1>
        {project && (project.role === 'owner' || project.role === 'admin') ? (
          <>
            <InviteMember projectId={projectId} />
            <ProjectExport projectId={projectId} />
          </>
        ) : null}
      </div>
      <Filters />
      <DndContext sensors={sensors} collisionDetection={closestCorners} onDragEnd={onDragEnd}>
        <div class="board">
          {columns.value.map((column) => (
            <Column
              projectId={projectId}
              stateId={column.id}
              name={column.name}
              label={column.label}
              tasks={column.tasks}
              key={column.id}
            />
          ))}
        </div>
      </DndContext>
      {openTaskId.value ? (
        <TaskDialog taskId={openTaskId.value} onClose={() => (openTaskId.value = null)} />
      ) : null}
    </div>
  );
}
