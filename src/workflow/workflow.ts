import { UnprocessableEntityException } from '@nestjs/common';

/** A task's status: what every filter, blocker rule, reminder and recurrence knows it by. */
export const TASK_STATUSES = ['pending', 'in_progress', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const STATE_CATEGORIES = ['backlog', 'unstarted', 'started', 'completed', 'canceled'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

/** A state's category decides its tasks' status. */
export const STATUS_OF_CATEGORY: Record<StateCategory, TaskStatus> = {
  backlog: 'pending',
  unstarted: 'pending',
  started: 'in_progress',
  completed: 'completed',
  canceled: 'completed',
};

/** The columns a project starts with: the three statuses tasks had before states. */
export const DEFAULT_STATES: readonly { name: string; category: StateCategory; color: string }[] = [
  { name: 'To do', category: 'unstarted', color: '#8b949e' },
  { name: 'In progress', category: 'started', color: '#d29922' },
  { name: 'Done', category: 'completed', color: '#3fb950' },
];

export interface WorkflowState {
  id: string;
  projectId: string;
  name: string;
  category: StateCategory;
  color: string;
  position: number;
}

/** Where a task stands before and after a write: its project, state and status. */
interface Standing {
  projectId: string;
  stateId: string;
  status: TaskStatus;
}

const stateProblem = (message: string) =>
  new UnprocessableEntityException({ message, errors: [{ field: 'stateId', message }] });

/**
 * The states of the projects one write touches, in each project's order. It keeps a task's state and status in step:
 * a state sent sets the status; a status sent, or set by a rule (a recurrence reopening the task), picks the
 * project's first state of that status unless the task's state already has it; a move to another project keeps the
 * category where the project has one.
 */
export class StateCatalog {
  private readonly byId = new Map<string, WorkflowState>();
  private readonly byProject = new Map<string, WorkflowState[]>();

  constructor(states: WorkflowState[]) {
    for (const state of [...states].sort((a, b) => a.position - b.position)) {
      this.byId.set(state.id, state);
      this.byProject.set(state.projectId, [...(this.byProject.get(state.projectId) ?? []), state]);
    }
  }

  /**
   * The state `next` takes. `sent` is the stateId the write named; `statusSent` says whether it named a status too,
   * which must then agree with it.
   */
  settle<T extends Standing>(current: Standing | null, next: T, sent?: string, statusSent = false): T {
    if (sent !== undefined) {
      const state = this.byId.get(sent);
      if (!state || state.projectId !== next.projectId)
        throw stateProblem("stateId is not a state of the task's project");
      const status = STATUS_OF_CATEGORY[state.category];
      if (statusSent && status !== next.status) throw stateProblem('stateId and status disagree');
      return { ...next, stateId: state.id, status };
    }
    if (current && current.projectId !== next.projectId) {
      const category = this.byId.get(current.stateId)?.category;
      const same = this.first(next.projectId, (state) => state.category === category);
      if (same && STATUS_OF_CATEGORY[same.category] === next.status) return { ...next, stateId: same.id };
    }
    return this.follow(next);
  }

  /** Keeps the task's state if it has the task's status, or else takes the project's first state that has it. */
  follow<T extends Standing>(next: T): T {
    const state = this.byId.get(next.stateId);
    if (state && state.projectId === next.projectId && STATUS_OF_CATEGORY[state.category] === next.status) {
      return next;
    }
    const first = this.first(
      next.projectId,
      (candidate) => STATUS_OF_CATEGORY[candidate.category] === next.status,
    );
    // Every project keeps a state of each status (the states service refuses to remove the last one).
    if (!first) throw new Error(`Project ${next.projectId} has no state for status ${next.status}`);
    return { ...next, stateId: first.id };
  }

  private first(projectId: string, matches: (state: WorkflowState) => boolean): WorkflowState | undefined {
    return this.byProject.get(projectId)?.find(matches);
  }
}
