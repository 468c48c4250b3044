import { useState } from 'preact/hooks';
import { api } from './api/client';
import type { components } from './api/schema';
import { dataOr, showProblem } from './problems';
import { navigate } from './router';

type Source = components['schemas']['CreateImportBody']['source'];
type Job = components['schemas']['ImportDto'];

const SOURCES: { source: Source; name: string }[] = [
  { source: 'taskforge', name: 'Taskforge export (JSON)' },
  { source: 'trello', name: 'Trello board (JSON)' },
  { source: 'todoist', name: 'Todoist project (CSV)' },
  { source: 'csv', name: 'Spreadsheet (CSV)' },
];

const POLL_MS = 500;

/** What the job is doing, in words. */
function stateOf(job: Job): string {
  const progress = job.progress as { stage?: string; tasks?: number; of?: number };
  if (job.status === 'queued') return 'Waiting to start…';
  if (progress.stage === 'writing') return `Importing: ${progress.tasks ?? 0} of ${progress.of ?? 0} tasks`;
  return 'Reading the file…';
}

/**
 * Brings a project in from a file: the upload, then the job's progress until it is done, when the new project opens
 * (with what was skipped or changed listed first, if anything was).
 */
export function ProjectImport() {
  const [source, setSource] = useState<Source>('taskforge');
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<Job['problems']>([]);
  const [madeProjectId, setMadeProjectId] = useState<string | null>(null);

  async function start(event: Event) {
    event.preventDefault();
    if (!file) return;
    setProblems([]);
    setMadeProjectId(null);
    setStatus('Uploading…');
    const accepted = dataOr(
      await api.POST('/api/v1/imports', {
        body: { source, file: file as unknown as string },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append('source', body.source);
          form.append('file', file);
          return form;
        },
      }),
    );
    if (!accepted) return setStatus('');
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const job = dataOr(await api.GET('/api/v1/imports/{id}', { params: { path: { id: accepted.id } } }));
      if (!job) return setStatus('');
      if (job.status === 'failed') {
        setStatus('');
        return showProblem({ status: 422, title: 'The import failed', detail: job.problems[0]?.message });
      }
      if (job.status === 'done') {
        if (job.problems.length === 0) return navigate(`/projects/${job.projectId}`);
        // What was skipped or changed is shown before the project opens, so nobody misses it.
        setProblems(job.problems);
        setMadeProjectId(job.projectId ?? null);
        return setStatus(
          `Imported ${job.counts.tasks ?? 0} tasks into a new project; some items were changed`,
        );
      }
      setStatus(stateOf(job));
    }
  }

  return (
    <form class="import" aria-label="Import a project" onSubmit={(event) => void start(event)}>
      <h2>Import</h2>
      <label>
        From
        <select value={source} onChange={(event) => setSource(event.currentTarget.value as Source)}>
          {SOURCES.map((choice) => (
            <option value={choice.source} key={choice.source}>
              {choice.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        File
        <input type="file" required onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
      </label>
      <button type="submit">Import</button>
      <p role="status">{status}</p>
      {problems.length > 0 ? (
        <ul aria-label="What the import changed">
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.item}: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      {madeProjectId ? (
        <button type="button" onClick={() => navigate(`/projects/${madeProjectId}`)}>
          Open the new project
        </button>
      ) : null}
    </form>
  );
}
