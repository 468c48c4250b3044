import { HttpStatus } from '@nestjs/common';
import { isCalendarDate } from '../common/calendar-date';
import type { CursorKeyType } from '../common/cursor';
import { RequestValidationException } from '../common/request-validation.exception';
import { CustomField, FIELD_INDEXING } from '../workflow/custom-fields';
import { FIELD_SORT, type ListTasksQuery } from './dto/list-tasks.query';

type ValueColumn = 'text_value' | 'number_value' | 'date_value';

/** One condition on a custom field, as task_field_values answers it. */
export interface FieldCondition {
  fieldId: string;
  column: ValueColumn;
  /** `any`: the value is one of `values`; `none`: the task has no value among them (an unchecked checkbox). */
  op: 'any' | 'none' | 'gte' | 'lte';
  values: string[];
}

/** A sort by a custom field: the column its index orders, and the cursor key's type. */
export interface FieldSort {
  fieldId: string;
  column: ValueColumn;
  type: CursorKeyType;
}

const KEY_TYPES: Record<ValueColumn, CursorKeyType> = {
  text_value: 'text',
  number_value: 'numeric',
  date_value: 'date',
};

const refusal = (field: string, message: string) =>
  new RequestValidationException([{ field, message }], HttpStatus.BAD_REQUEST);

/** The field ids a list query names, in its conditions and its sort. */
export function fieldIdsOf(query: ListTasksQuery): string[] {
  const ids = Object.keys(query.field ?? {}).map((key) => key.split('.')[0].toLowerCase());
  const sorted = query.sort && FIELD_SORT.exec(query.sort)?.[1];
  return [...new Set([...ids, ...(sorted ? [sorted.toLowerCase()] : [])])];
}

/**
 * The conditions of `query.field`, each read by its field's type; a parameter naming no field (of the listed
 * project), or a value its field cannot have, is a 400 naming `field.<key>`.
 */
export function fieldConditionsOf(
  query: ListTasksQuery,
  fields: ReadonlyMap<string, CustomField>,
  viewerId: string,
): FieldCondition[] {
  return Object.entries(query.field ?? {}).map(([key, text]) => {
    const [id, bound] = key.toLowerCase().split('.') as [string, 'gte' | 'lte' | undefined];
    const name = `field.${key}`;
    const field = fields.get(id);
    if (!field) throw refusal(name, 'names no field of the listed project');
    const indexing = FIELD_INDEXING[field.type];
    if (bound && !indexing.range) throw refusal(name, `a ${field.type} field is matched by equality only`);
    const values = valuesOf(field, text, viewerId);
    if (typeof values === 'string') throw refusal(name, values);
    if (field.type === 'checkbox') {
      return { fieldId: id, column: 'number_value', op: values[0] === '1' ? 'any' : 'none', values: ['1'] };
    }
    return { fieldId: id, column: indexing.equality, op: bound ?? 'any', values };
  });
}

/** The sort `query.sort` names, when it is a custom field's; a field with no order of its values is a 400. */
export function fieldSortOf(
  query: ListTasksQuery,
  fields: ReadonlyMap<string, CustomField>,
): FieldSort | undefined {
  const id = query.sort && FIELD_SORT.exec(query.sort)?.[1]?.toLowerCase();
  if (!id) return undefined;
  const field = fields.get(id);
  if (!field) throw refusal('sort', 'names no field of the listed project');
  const column = FIELD_INDEXING[field.type].sort;
  if (!column) throw refusal('sort', `a ${field.type} field has no order to sort by`);
  return { fieldId: id, column, type: KEY_TYPES[column] };
}

/** The values a parameter's text stands for, as the field's column holds them, or what is wrong with it. */
function valuesOf(field: CustomField, text: string, viewerId: string): string[] | string {
  switch (field.type) {
    case 'number': {
      const number = Number(text);
      return text.trim() !== '' && Number.isFinite(number) ? [String(number)] : 'must be a number';
    }
    case 'date':
      return isCalendarDate(text) ? [text] : 'must be a date as YYYY-MM-DD';
    case 'checkbox':
      return text === 'true' || text === 'false' ? [text === 'true' ? '1' : '0'] : 'must be true or false';
    case 'select':
    case 'multi_select': {
      const ids = text.toLowerCase().split(',');
      const known = new Set(field.options.map((option) => option.id));
      return ids.every((id) => known.has(id)) ? ids : "must be ids of the field's options, comma-separated";
    }
    case 'user': {
      const ids = text
        .toLowerCase()
        .split(',')
        .map((id) => (id === 'me' ? viewerId : id));
      return ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
        ? ids
        : 'must be user ids (or me), comma-separated';
    }
    default:
      return [text];
  }
}
