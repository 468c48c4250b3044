import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Task } from './api/client';
import { boardFields, boardMembers, boardStates, STATUSES, upsertTask, type Status } from './board-store';
import { changedFieldValues, CustomFieldsEditor, shownValue, type FieldValues } from './custom-fields';
import { dataOr } from './problems';
import { Comments } from './comments';
import { Attachments, Labels, Relations, Schedule, Subtasks } from './task-sections';

/** The fields the dialog edits, as the form holds them. */
interface Draft {
  title: string;
  description: string;
  status: Status;
  stateId: string;
  assigneeId: string;
  dueDate: string;
  priority: number;
  fields: FieldValues;
}

const draftOf = (task: Task): Draft => ({
  title: task.title,
  description: task.description ?? '',
  status: task.status,
  stateId: task.stateId,
  assigneeId: task.assigneeId ?? '',
  dueDate: task.dueDate ?? '',
  priority: task.priority,
  fields: { ...task.fields },
});

function changesOf(draft: Draft, base: Task) {
  const before = draftOf(base);
  const body: Record<string, unknown> = {};
  if (draft.title !== before.title) body.title = draft.title;
  if (draft.description !== before.description) body.description = draft.description || null;
  // A state names its status; a status alone lets the server pick that status' first state.
  if (draft.stateId !== before.stateId) body.stateId = draft.stateId;
  else if (draft.status !== before.status) body.status = draft.status;
  if (draft.assigneeId !== before.assigneeId) body.assigneeId = draft.assigneeId || null;
  if (draft.dueDate !== before.dueDate) body.dueDate = draft.dueDate || null;
  if (draft.priority !== before.priority) body.priority = draft.priority;
  const fields = changedFieldValues(draft.fields, before.fields);
  if (fields) body.fields = fields;
  return body;
}

function memberName(userId: string): string {
  const member = boardMembers.value.find((candidate) => candidate.userId === userId);
  return member ? (member.displayName ?? member.username ?? userId) : userId || 'nobody';
}

function Summary({ heading, draft }: { heading: string; draft: Draft }) {
  return (
    <section aria-label={heading} class="version">
      <h3>{heading}</h3>
      <dl>
        <dt>Title</dt>
        <dd>{draft.title}</dd>
        <dt>Description</dt>
        <dd>{draft.description || '—'}</dd>
        <dt>Status</dt>
        <dd>{STATUSES.find((column) => column.status === draft.status)?.name}</dd>
        <dt>State</dt>
        <dd>{boardStates.value.find((state) => state.id === draft.stateId)?.name ?? '—'}</dd>
        <dt>Assignee</dt>
        <dd>{memberName(draft.assigneeId)}</dd>
        <dt>Due date</dt>
        <dd>{draft.dueDate || '—'}</dd>
        <dt>Priority</dt>
        <dd>{draft.priority}</dd>
        {boardFields.value.map((field) => [
          <dt key={`${field.id}-name`}>{field.name}</dt>,
          <dd key={`${field.id}-value`}>{shownValue(field, draft.fields[field.id])}</dd>,
        ])}
      </dl>
    </section>
  );
}

/**
 * One task in a modal dialog. Saves send only what changed, with If-Match: when someone else saved first (412) both
 * versions are shown and neither is lost; a blocked completion (409) offers to complete anyway.
 */
export function TaskDialog({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [task, setTask] = useState<Task | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [theirs, setTheirs] = useState<Task | null>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    void api.GET('/api/v1/tasks/{id}', { params: { path: { id: taskId } } }).then((answer) => {
      const loaded = dataOr(answer);
      if (!loaded) return onClose();
      setTask(loaded);
      setDraft(draftOf(loaded));
    });
  }, [taskId]);
  useEffect(() => {
    if (task && !dialog.current?.open) dialog.current?.showModal();
  }, [task]);

  async function save(base: Task, force = false) {
    if (!draft) return;
    const body = changesOf(draft, base);
    if (Object.keys(body).length === 0) return onClose();
    const { data, response, error } = await api.PATCH('/api/v1/tasks/{id}', {
      params: {
        path: { id: base.id },
        header: { 'If-Match': `"${base.version}"` },
        query: force ? { force: true } : {},
      },
      body,
    });
    if (data) {
      upsertTask(data);
      setTask(data);
      setTheirs(null);
      setBlocked(false);
      return onClose();
    }
    if (response.status === 412) {
      const current = dataOr(await api.GET('/api/v1/tasks/{id}', { params: { path: { id: base.id } } }));
      if (current) {
        upsertTask(current);
        setTheirs(current);
      }
      return;
    }
    if (response.status === 409) setBlocked(true);
    dataOr({ error, response });
  }

  if (!task || !draft) return null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  return (
    <dialog ref={dialog} aria-labelledby="task-dialog-heading" onClose={onClose} class="task-dialog">
      <h2 id="task-dialog-heading">Task</h2>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void save(theirs ?? task);
        }}
      >
        <label>
          Title
          <input
            value={draft.title}
            required
            maxLength={500}
            onInput={(event) => set({ title: event.currentTarget.value })}
          />
        </label>
        <label>
          Description
          <textarea
            value={draft.description}
            rows={4}
            onInput={(event) => set({ description: event.currentTarget.value })}
          />
        </label>
        <div class="row">
          <label>
            Status
            <select
              value={draft.status}
              onChange={(event) =>
                set({ status: event.currentTarget.value as Status, stateId: draft.stateId })
              }
            >
              {STATUSES.map((column) => (
                <option value={column.status} key={column.status}>
                  {column.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            State
            <select value={draft.stateId} onChange={(event) => set({ stateId: event.currentTarget.value })}>
              {boardStates.value.map((state) => (
                <option value={state.id} key={state.id}>
                  {state.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Assignee
            <select
              value={draft.assigneeId}
              onChange={(event) => set({ assigneeId: event.currentTarget.value })}
            >
              <option value="">Nobody</option>
              {boardMembers.value.map((member) => (
                <option value={member.userId} key={member.userId}>
                  {member.displayName ?? member.username ?? member.userId}
                </option>
              ))}
            </select>
          </label>
          <label>
            Due date
            <input
              type="date"
              value={draft.dueDate}
              onInput={(event) => set({ dueDate: event.currentTarget.value })}
            />
          </label>
          <label>
            Priority
            <input
              type="number"
              value={draft.priority}
              onInput={(event) => set({ priority: Number(event.currentTarget.value) || 0 })}
            />
          </label>
        </div>
        <CustomFieldsEditor values={draft.fields} onChange={(fields) => set({ fields })} />
        {theirs ? (
          <div class="conflict" role="group" aria-label="Conflicting versions">
            <p>
              Someone else saved this task while you were editing. Both versions are below; nothing is lost.
            </p>
            <div class="versions">
              <Summary heading="Their version" draft={draftOf(theirs)} />
              <Summary heading="Your version" draft={draft} />
            </div>
            <button
              type="button"
              onClick={() => {
                setTask(theirs);
                setDraft(draftOf(theirs));
                setTheirs(null);
              }}
            >
              Keep theirs
            </button>
            <button type="button" onClick={() => void save(theirs)}>
              Save mine over theirs
            </button>
          </div>
        ) : null}
        {blocked ? (
          <div class="conflict" role="group" aria-label="Blocked">
            <p>Open tasks block this one.</p>
            <button type="button" onClick={() => void save(task, true)}>
              Complete anyway
            </button>
          </div>
        ) : null}
        <div class="actions">
          <button type="submit">Save</button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </form>
      <Labels task={task} onChange={setTask} />
      <Schedule task={task} onChange={setTask} />
      <Subtasks task={task} onChange={setTask} />
      <Relations task={task} onChange={setTask} />
      <Attachments task={task} onChange={setTask} />
      <Comments taskId={task.id} />
    </dialog>
  );
}
