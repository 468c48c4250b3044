import { useEffect, useState } from 'preact/hooks';
import { api, currentAccessToken, type Task } from './api/client';
import type { components } from './api/schema';
import { boardLabels, boardTasks, upsertTask } from './board-store';
import { saveFile } from './save-file';
import { dataOr, showProblem } from './problems';

type Label = components['schemas']['LabelDto'];
type Relation = components['schemas']['RelationDto'];
type Attachment = components['schemas']['AttachmentDto'];
type TaskPatch = components['schemas']['UpdateTaskDto'];

interface SectionProps {
  task: Task;
  /** The task as the API answered a write of this section. */
  onChange(task: Task): void;
}

/** One write of the open task, at the version the dialog shows (a 412 there is shown like any problem). */
async function patchTask(task: Task, body: TaskPatch): Promise<Task | null> {
  const updated = dataOr(
    await api.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: task.id }, header: { 'If-Match': `"${task.version}"` } },
      body,
    }),
  );
  if (updated) upsertTask(updated);
  return updated;
}

export function Labels({ task, onChange }: SectionProps) {
  const labels = boardLabels.value;
  const has = new Set(task.labels.map((label) => label.id));

  async function toggle(label: Label, on: boolean) {
    const updated = await patchTask(task, on ? { addLabelIds: [label.id] } : { removeLabelIds: [label.id] });
    if (updated) onChange(updated);
  }
  async function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = (form.elements.namedItem('label-name') as HTMLInputElement).value.trim();
    const color = (form.elements.namedItem('label-color') as HTMLInputElement).value;
    const label = dataOr(
      await api.POST('/api/v1/projects/{projectId}/labels', {
        params: { path: { projectId: task.projectId } },
        body: { name, color },
      }),
    );
    if (!label) return;
    boardLabels.value = [...labels, label];
    form.reset();
    await toggle(label, true);
  }

  return (
    <fieldset class="section">
      <legend>Labels</legend>
      {labels.map((label) => (
        <label class="check" key={label.id}>
          <input
            type="checkbox"
            checked={has.has(label.id)}
            onChange={(event) => void toggle(label, event.currentTarget.checked)}
          />
          <span class="label" style={{ borderColor: label.color }}>
            {label.name}
          </span>
        </label>
      ))}
      <form class="inline-form" onSubmit={(event) => void create(event)}>
        <label>
          New label
          <input name="label-name" required maxLength={50} />
        </label>
        <label>
          Colour
          <input name="label-color" type="color" value="#3b82f6" />
        </label>
        <button type="submit">Add label</button>
      </form>
    </fieldset>
  );
}

export function Subtasks({ task }: SectionProps) {
  const [items, setItems] = useState<Task[]>([]);
  async function load() {
    const page = dataOr(
      await api.GET('/api/v1/projects/{projectId}/tasks', {
        params: {
          path: { projectId: task.projectId },
          query: { parentId: task.id, sort: 'position', limit: 100 },
        },
      }),
    );
    if (page) setItems(page.items);
  }
  useEffect(() => void load(), [task.id]);

  async function add(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const title = (form.elements.namedItem('subtask-title') as HTMLInputElement).value.trim();
    const created = dataOr(
      await api.POST('/api/v1/projects/{projectId}/tasks', {
        params: { path: { projectId: task.projectId } },
        body: { title, parentId: task.id },
      }),
    );
    if (created) {
      form.reset();
      await load();
    }
  }
  async function toggle(subtask: Task, done: boolean) {
    if (await patchTask(subtask, { completed: done })) await load();
  }

  return (
    <fieldset class="section">
      <legend>Subtasks</legend>
      <ul>
        {items.map((subtask) => (
          <li key={subtask.id}>
            <label class="check">
              <input
                type="checkbox"
                checked={subtask.completed}
                onChange={(event) => void toggle(subtask, event.currentTarget.checked)}
              />
              {subtask.title}
            </label>
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={(event) => void add(event)}>
        <label>
          New subtask
          <input name="subtask-title" required maxLength={500} />
        </label>
        <button type="submit">Add subtask</button>
      </form>
    </fieldset>
  );
}

const RELATION_TYPES: Record<Relation['type'], string> = {
  blocks: 'Blocks',
  blocked_by: 'Blocked by',
  relates_to: 'Relates to',
  duplicates: 'Duplicates',
  duplicated_by: 'Duplicated by',
};

export function Relations({ task }: SectionProps) {
  const [items, setItems] = useState<Relation[]>([]);
  async function load() {
    const list = dataOr(await api.GET('/api/v1/tasks/{id}/relations', { params: { path: { id: task.id } } }));
    if (list) setItems(list.items);
  }
  useEffect(() => void load(), [task.id]);

  async function add(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const type = (form.elements.namedItem('relation-type') as HTMLSelectElement).value as Relation['type'];
    const taskId = (form.elements.namedItem('relation-task') as HTMLSelectElement).value;
    if (
      dataOr(
        await api.POST('/api/v1/tasks/{id}/relations', {
          params: { path: { id: task.id } },
          body: { type, taskId },
        }),
      )
    )
      await load();
  }
  async function remove(relation: Relation) {
    const { response, error } = await api.DELETE('/api/v1/tasks/{id}/relations/{relationId}', {
      params: { path: { id: task.id, relationId: relation.id } },
    });
    if (response.ok) await load();
    else dataOr({ error, response });
  }

  const others = [...boardTasks.value.values()].filter((candidate) => candidate.id !== task.id);
  return (
    <fieldset class="section">
      <legend>Relations</legend>
      <ul>
        {items.map((relation) => (
          <li key={relation.id}>
            {RELATION_TYPES[relation.type]} <strong>{relation.task.title}</strong> ({relation.task.status})
            <button type="button" onClick={() => void remove(relation)}>
              Remove relation
            </button>
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={(event) => void add(event)}>
        <label>
          Relation
          <select name="relation-type">
            {Object.entries(RELATION_TYPES).map(([type, name]) => (
              <option value={type} key={type}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Other task
          <select name="relation-task" required>
            {others.map((other) => (
              <option value={other.id} key={other.id}>
                {other.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add relation</button>
      </form>
    </fieldset>
  );
}

const REPEATS: [string, string][] = [
  ['', 'Does not repeat'],
  ['FREQ=DAILY', 'Every day'],
  ['FREQ=WEEKLY', 'Every week'],
  ['FREQ=MONTHLY', 'Every month'],
  ['FREQ=YEARLY', 'Every year'],
];
const REMIND: [string, string][] = [
  ['', 'No reminder'],
  ['PT0S', 'At the due time'],
  ['PT1H', 'An hour before'],
  ['P1D', 'A day before'],
  ['P7D', 'A week before'],
];

/** Recurrence and one reminder, both relative to the due date (set above). */
export function Schedule({ task, onChange }: SectionProps) {
  const repeat = REPEATS.some(([rule]) => rule === task.recurrence?.rule)
    ? (task.recurrence?.rule ?? '')
    : 'custom';
  const before = task.reminders.find((reminder) => reminder.before)?.before ?? '';
  async function write(body: TaskPatch) {
    const updated = await patchTask(task, body);
    if (updated) onChange(updated);
  }
  return (
    <fieldset class="section">
      <legend>Schedule</legend>
      {!task.dueDate ? <p>Set a due date to repeat the task or be reminded.</p> : null}
      <div class="row">
        <label>
          Repeats
          <select
            value={repeat}
            disabled={!task.dueDate}
            onChange={(event) => {
              const rule = event.currentTarget.value;
              void write({ recurrence: rule ? { rule } : null });
            }}
          >
            {REPEATS.map(([rule, name]) => (
              <option value={rule} key={rule}>
                {name}
              </option>
            ))}
            {repeat === 'custom' ? <option value="custom">{task.recurrence?.rule}</option> : null}
          </select>
        </label>
        <label>
          Reminder
          <select
            value={before}
            disabled={!task.dueDate}
            onChange={(event) => {
              const offset = event.currentTarget.value;
              void write({ reminders: offset ? [{ before: offset }] : [] });
            }}
          >
            {REMIND.map(([offset, name]) => (
              <option value={offset} key={offset}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {task.nextOccurrences.length > 0 ? <p>Next: {task.nextOccurrences.slice(0, 3).join(', ')}</p> : null}
    </fieldset>
  );
}

/**
 * Uploads go through XMLHttpRequest, the one browser API that reports upload progress; the route, its field and its
 * answer are the generated client's (`AttachmentDto`). Everything else goes through the client itself.
 */
function upload(
  taskId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Attachment | null> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/tasks/${taskId}/attachments`);
    request.setRequestHeader('authorization', `Bearer ${currentAccessToken()}`);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      const body = JSON.parse(request.responseText || '{}') as Attachment & {
        title?: string;
        detail?: string;
      };
      if (request.status === 201) return resolve(body);
      showProblem({ status: request.status, title: body.title ?? 'Upload failed', detail: body.detail });
      resolve(null);
    };
    request.onerror = () => {
      showProblem({ status: 0, title: 'Upload failed', detail: 'The connection was lost.' });
      resolve(null);
    };
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
}

export function Attachments({ task }: SectionProps) {
  const [items, setItems] = useState<Attachment[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  async function load() {
    const page = dataOr(
      await api.GET('/api/v1/tasks/{taskId}/attachments', { params: { path: { taskId: task.id } } }),
    );
    if (page) setItems(page.items);
  }
  useEffect(() => void load(), [task.id]);

  async function send(files: FileList | null) {
    for (const file of files ?? []) {
      setProgress(0);
      await upload(task.id, file, setProgress);
    }
    setProgress(null);
    await load();
  }
  async function download(attachment: Attachment) {
    const { data, response, error } = await api.GET('/api/v1/attachments/{id}/content', {
      params: { path: { id: attachment.id } },
      parseAs: 'blob',
    });
    if (!data) return dataOr({ error, response });
    saveFile(data, attachment.filename);
  }

  return (
    <fieldset
      class="section drop"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        void send(event.dataTransfer?.files ?? null);
      }}
    >
      <legend>Attachments</legend>
      <ul>
        {items.map((attachment) => (
          <li key={attachment.id}>
            <button type="button" onClick={() => void download(attachment)}>
              Download {attachment.filename}
            </button>{' '}
            {(attachment.size / 1024).toFixed(1)} KB
          </li>
        ))}
      </ul>
      <label>
        Attach files (or drop them here)
        <input type="file" multiple onChange={(event) => void send(event.currentTarget.files)} />
      </label>
      {progress !== null ? (
        <progress aria-label="Upload progress" max={1} value={progress}>
          {Math.round(progress * 100)}%
        </progress>
      ) : null}
    </fieldset>
  );
}
