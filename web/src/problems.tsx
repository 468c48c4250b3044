import { signal } from '@preact/signals';
import type { Problem } from './api/client';

/** The last error the API answered, shown in the page until dismissed. */
export const lastProblem = signal<Problem | null>(null);

export function showProblem(problem: Problem): void {
  lastProblem.value = problem;
}

/** Unwraps an openapi-fetch answer: its data, or the problem shown and null. */
export function dataOr<T>(result: { data?: T; error?: unknown; response: Response }): T | null {
  if (result.data !== undefined && result.response.ok) return result.data;
  if (result.response.ok) return null;
  const body = (result.error ?? {}) as { title?: unknown; detail?: unknown };
  showProblem({
    status: result.response.status,
    title: typeof body.title === 'string' ? body.title : result.response.statusText || 'Request failed',
    detail: typeof body.detail === 'string' ? body.detail : undefined,
  });
  return null;
}

export function ProblemBanner() {
  const problem = lastProblem.value;
  if (!problem) return <div role="alert" class="problem-slot" />;
  return (
    <div role="alert" class="problem">
      <strong>{problem.title}</strong>
      {problem.detail ? <span> {problem.detail}</span> : null}
      <button type="button" onClick={() => (lastProblem.value = null)}>
        Dismiss
      </button>
    </div>
  );
}
