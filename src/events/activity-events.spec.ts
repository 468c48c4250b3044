import { changedFields } from './activity-events';

describe('changedFields', () => {
  const fields = ['title', 'dueDate', 'priority'] as const;

  it('lists only the fields whose values differ, each with its old and new value', () => {
    expect(
      changedFields(
        { title: 'a', dueDate: null, priority: 1 },
        { title: 'b', dueDate: '2026-12-01', priority: 1 },
        fields,
      ),
    ).toEqual({ title: { from: 'a', to: 'b' }, dueDate: { from: null, to: '2026-12-01' } });
  });

  it('describes a creation as every set field coming from null, and leaves unset ones out', () => {
    expect(changedFields(null, { title: 'a', dueDate: null, priority: 0 }, fields)).toEqual({
      title: { from: null, to: 'a' },
      priority: { from: null, to: 0 },
    });
  });

  it('treats a missing field as null and ignores fields it was not asked about', () => {
    const before: { title?: string; secret?: string } = { secret: 'x' };
    expect(changedFields(before, { title: undefined, secret: 'y' }, ['title'])).toEqual({});
  });
});
