import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Project } from './api/client';
import { dataOr } from './problems';
import { navigate } from './router';
import { OneFieldForm } from './one-field-form';
import { ProjectImport } from './project-import';

const projects = signal<Project[] | null>(null);

async function loadProjects(): Promise<void> {
  const page = dataOr(await api.GET('/api/v1/projects', { params: { query: { limit: 100 } } }));
  if (page) projects.value = page.items;
}

/** The caller's projects, each a link to its board, and a form for a new one. */
export function Projects() {
  useEffect(() => void loadProjects(), []);

  async function create(name: string): Promise<boolean> {
    const project = dataOr(await api.POST('/api/v1/projects', { body: { name } }));
    if (project) navigate(`/projects/${project.id}`);
    return project !== null;
  }

  return (
    <section aria-labelledby="projects-heading" class="projects">
      <h1 id="projects-heading">Projects</h1>
      {projects.value === null ? <p>Loading…</p> : null}
      <ul>
        {projects.value?.map((project) => (
          <li key={project.id}>
            <a
              href={`/projects/${project.id}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(`/projects/${project.id}`);
              }}
            >
              {project.name}
            </a>
            <span class="role"> {project.role}</span>
          </li>
        ))}
      </ul>
      <OneFieldForm
        opener="New project"
        label="Name"
        maxLength={200}
        submit="Create project"
        dismiss="Cancel"
        onSave={create}
      />
      <ProjectImport />
    </section>
  );
}
