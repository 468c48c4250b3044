import { UnprocessableEntityException } from '@nestjs/common';
import { TASK_DEFAULTS, type TaskState } from './task-record';
import { nextTaskState, statusOf } from './task-state';

const current: TaskState = {
  ...TASK_DEFAULTS,
  projectId: 'p1',
  stateId: 's-started',
  title: 'Write the report',
  description: 'Draft first',
  status: 'in_progress',
  priority: 2,
  dueDate: '2026-12-31',
  assigneeId: 'u1',
  githubRepo: 'octo/repo',
  timezone: 'Europe/Berlin',
  position: 'a0',
  fields: { f1: 'x', f2: 3 },
};

describe('nextTaskState', () => {
  it('changes only what a PATCH sends', () => {
    expect(nextTaskState(current, { priority: 3 }, 'merge')).toEqual({ ...current, priority: 3 });
  });

  it('clears a field a PATCH sends as null', () => {
    expect(nextTaskState(current, { dueDate: null, assigneeId: null }, 'merge')).toMatchObject({
      dueDate: null,
      assigneeId: null,
    });
  });

  it('resets what a PUT does not send, keeping the project, the time zone and the place', () => {
    expect(nextTaskState(current, { title: 'New' }, 'replace')).toEqual({
      projectId: 'p1',
      // Kept here; the write settles it against the reset status once the project's states are at hand.
      stateId: 's-started',
      title: 'New',
      description: null,
      status: 'pending',
      priority: 0,
      dueDate: null,
      assigneeId: null,
      githubRepo: null,
      recurrence: null,
      recurrenceDone: 0,
      timezone: 'Europe/Berlin',
      reminders: [],
      labelIds: [],
      parentId: null,
      position: 'a0',
      fields: {},
    });
  });

  it('changes the custom fields a PATCH names, null clearing one, and a PUT sets exactly those sent', () => {
    expect(nextTaskState(current, { fields: { F2: 4, f1: null } }, 'merge').fields).toEqual({ f2: 4 });
    expect(nextTaskState(current, { fields: {} }, 'merge').fields).toEqual(current.fields);
    expect(nextTaskState(current, { title: 'New', fields: { f3: true } }, 'replace').fields).toEqual({
      f3: true,
    });
  });

  it('moves the task when a projectId is sent', () => {
    expect(nextTaskState(current, { projectId: 'p2' }, 'merge').projectId).toBe('p2');
  });
});

describe('statusOf', () => {
  it.each([
    [{ completed: true }, 'pending', 'completed'],
    [{ completed: false }, 'completed', 'pending'],
    [{ completed: false }, 'in_progress', 'in_progress'],
    [{ status: 'in_progress' as const }, 'pending', 'in_progress'],
    [{}, 'pending', undefined],
  ])('%p from %p is %p', (write, before, expected) => {
    expect(statusOf(write, before as TaskState['status'])).toBe(expected);
  });

  it('refuses a status and completed that disagree', () => {
    expect(() => statusOf({ status: 'pending', completed: true }, 'pending')).toThrow(
      UnprocessableEntityException,
    );
  });
});
