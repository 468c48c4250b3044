import { UnprocessableEntityException } from '@nestjs/common';
import { StateCatalog, type WorkflowState } from './workflow';

const state = (id: string, projectId: string, category: WorkflowState['category'], position: number) => ({
  id,
  projectId,
  name: id,
  category,
  color: '#8b949e',
  position,
});

// Given out of order: the catalog orders each project's states by position.
const catalog = new StateCatalog([
  state('a-done', 'a', 'completed', 3),
  state('a-todo', 'a', 'unstarted', 1),
  state('a-icebox', 'a', 'backlog', 0),
  state('a-doing', 'a', 'started', 2),
  state('a-review', 'a', 'started', 4),
  state('b-todo', 'b', 'unstarted', 0),
  state('b-doing', 'b', 'started', 1),
  state('b-dropped', 'b', 'canceled', 2),
  state('b-done', 'b', 'completed', 3),
]);
const inA = { projectId: 'a', stateId: 'a-review', status: 'in_progress' as const };

describe('StateCatalog', () => {
  it('sets the status from a state sent, and refuses one of another project or one the status contradicts', () => {
    expect(catalog.settle(inA, { ...inA }, 'a-done')).toEqual({
      ...inA,
      stateId: 'a-done',
      status: 'completed',
    });
    expect(() => catalog.settle(inA, { ...inA }, 'b-done')).toThrow(UnprocessableEntityException);
    expect(() => catalog.settle(inA, { ...inA }, 'a-done', true)).toThrow('stateId and status disagree');
  });

  it("keeps a state that has the task's status, else takes the first state with it by position", () => {
    expect(catalog.settle(inA, { ...inA })).toEqual(inA);
    expect(catalog.settle(inA, { ...inA, status: 'pending' })).toEqual({
      ...inA,
      stateId: 'a-icebox',
      status: 'pending',
    });
    expect(catalog.follow({ ...inA, status: 'completed' })).toEqual({
      ...inA,
      stateId: 'a-done',
      status: 'completed',
    });
  });

  it('maps a move to another project by category, falling back to the status', () => {
    const dropped = { projectId: 'b', stateId: 'b-dropped', status: 'completed' as const };
    expect(catalog.settle(inA, { ...inA, projectId: 'b' })).toEqual({
      ...inA,
      projectId: 'b',
      stateId: 'b-doing',
    });
    // Project a has no canceled state: the task stays completed, in a's first completed state.
    expect(catalog.settle(dropped, { ...dropped, projectId: 'a' })).toEqual({
      ...dropped,
      projectId: 'a',
      stateId: 'a-done',
    });
  });
});
