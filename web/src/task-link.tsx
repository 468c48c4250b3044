import { useEffect, useState } from 'preact/hooks';
import { api } from './api/client';
import { Board } from './board';
import { dataOr } from './problems';

/** A link to one task opens its project's board with the task's dialog open. */
export function TaskLink({ taskId }: { taskId: string }) {
  const [projectId, setProjectId] = useState<string | null>(null);
  useEffect(() => {
    void api.GET('/api/v1/tasks/{id}', { params: { path: { id: taskId } } }).then((answer) => {
      const task = dataOr(answer);
      if (task) setProjectId(task.projectId);
    });
  }, [taskId]);
  return projectId ? <Board projectId={projectId} initialTaskId={taskId} /> : <p>Loading…</p>;
}
