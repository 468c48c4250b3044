import { UnprocessableEntityException } from '@nestjs/common';
import { checkFieldValue, CustomField, FieldCatalog, FieldType, mergedFieldValues } from './custom-fields';

const field = (
  type: FieldType,
  id = `0000000${FIELD_IDS[type]}-0000-4000-8000-000000000000`,
): CustomField => ({
  id,
  projectId: 'p1',
  name: type,
  type,
  options:
    type === 'select' || type === 'multi_select'
      ? [
          { id: 'aaaaaaaa-0000-4000-8000-000000000000', name: 'A', color: '#000000' },
          { id: 'bbbbbbbb-0000-4000-8000-000000000000', name: 'B', color: '#000000' },
        ]
      : [],
  position: 0,
});
const FIELD_IDS: Record<FieldType, number> = {
  text: 1,
  number: 2,
  date: 3,
  checkbox: 4,
  select: 5,
  multi_select: 6,
  user: 7,
  url: 8,
};
const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const MEMBER = 'cccccccc-0000-4000-8000-000000000000';
const members = new Set([MEMBER]);

describe('checkFieldValue', () => {
  it.each([
    ['text', 'Blue', 'Blue'],
    ['number', -2.5, -2.5],
    ['date', '2028-02-29', '2028-02-29'],
    ['checkbox', false, false],
    ['select', B.toUpperCase(), B],
    ['multi_select', [B, A], [A, B]],
    ['user', MEMBER, MEMBER],
    ['url', 'http://localhost:3000/x', 'http://localhost:3000/x'],
  ] as const)('stores a %s value as its field keeps it', (type, value, stored) => {
    expect(checkFieldValue(field(type), value, members)).toEqual({ value: stored });
  });

  it.each([
    ['text', ''],
    ['text', 'x'.repeat(501)],
    ['number', Number.NaN],
    ['number', 2 ** 60],
    ['number', '3'],
    ['date', '2027-02-29'],
    ['checkbox', 0],
    ['select', 'cccccccc-0000-4000-8000-000000000000'],
    ['select', [A]],
    ['multi_select', [A, A]],
    ['multi_select', A],
    ['user', 'dddddddd-0000-4000-8000-000000000000'],
    ['url', 'ftp://example.com/file'],
    ['url', 'not a url'],
  ] as const)('refuses the %s value %p', (type, value) => {
    expect(checkFieldValue(field(type), value, members)).toEqual({ problem: expect.stringMatching(/^must/) });
  });
});

describe('FieldCatalog.settle', () => {
  const number = field('number');
  const text = field('text');
  const foreign = { ...field('text', 'ffffffff-0000-4000-8000-000000000000'), projectId: 'p2' };
  const catalog = new FieldCatalog([number, text, foreign], new Map());

  it('checks what a write sends, keeps what it does not, and answers in id order', () => {
    const merged = mergedFieldValues({ [text.id]: 'kept' }, { [number.id]: 4 });
    expect(Object.keys(catalog.settle('p1', merged, { [number.id]: 4 }))).toEqual([text.id, number.id]);
  });

  it("names every failing value, including another project's field", () => {
    const sent = { [number.id]: 'four', [foreign.id]: 'x' };
    let thrown: unknown;
    try {
      catalog.settle('p1', mergedFieldValues({}, sent), sent);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnprocessableEntityException);
    const errors = ((thrown as UnprocessableEntityException).getResponse() as { errors: { field: string }[] })
      .errors;
    expect(errors.map((error) => error.field).sort()).toEqual(
      [`fields.${number.id}`, `fields.${foreign.id}`].sort(),
    );
  });

  it('drops, without a problem, values the write did not name that the project has no field for (a move)', () => {
    expect(catalog.settle('p2', { [number.id]: 1, [foreign.id]: 'x' }, undefined)).toEqual({
      [foreign.id]: 'x',
    });
  });
});
