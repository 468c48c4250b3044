import { signal } from '@preact/signals';

export type Route =
  | { page: 'projects' }
  | { page: 'project'; projectId: string }
  | { page: 'task'; taskId: string }
  | { page: 'security' };

const UUID = '[0-9a-f-]{36}';

function parse(path: string): Route {
  const project = new RegExp(`^/projects/(${UUID})/?$`).exec(path);
  if (project) return { page: 'project', projectId: project[1] };
  const task = new RegExp(`^/tasks/(${UUID})/?$`).exec(path);
  if (task) return { page: 'task', taskId: task[1] };
  if (/^\/security\/?$/.test(path)) return { page: 'security' };
  return { page: 'projects' };
}

/** The page the address names; deep links are served the same page by the API process. */
export const route = signal<Route>(parse(location.pathname));

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  route.value = parse(path);
}

addEventListener('popstate', () => (route.value = parse(location.pathname)));
