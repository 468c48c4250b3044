import { UnprocessableEntityException } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { isCalendarDate } from '../common/calendar-date';

export const FIELD_TYPES = [
  'text',
  'number',
  'date',
  'checkbox',
  'select',
  'multi_select',
  'user',
  'url',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A project has at most this many fields; a select at most this many options. */
export const MAX_FIELDS_PER_PROJECT = 50;
export const MAX_OPTIONS_PER_FIELD = 100;
/** A text value fits one index entry whatever its characters (an entry holds about 2,700 bytes). */
export const MAX_TEXT_VALUE_LENGTH = 500;
export const MAX_URL_LENGTH = 2048;
/** Numbers past this lose digits in JSON, so they are refused rather than stored rounded. */
const MAX_MAGNITUDE = Number.MAX_SAFE_INTEGER;

export interface FieldOption {
  id: string;
  name: string;
  color: string;
}

export interface CustomField {
  id: string;
  projectId: string;
  name: string;
  type: FieldType;
  options: FieldOption[];
  position: number;
}

export type FieldValue = string | number | boolean | string[];
/** A task's values by field id, in id order (the order the database keeps a document's keys in). */
export type TaskFieldValues = Record<string, FieldValue>;

/** Where task_field_values keeps a type's value for a filter by equality, by range, and for a sort. */
interface FieldIndexing {
  equality: 'text_value' | 'number_value' | 'date_value';
  /** Types compared by range (`.gte`, `.lte`). */
  range?: true;
  /** The column a sort walks; types with no single value per task (multi-select) or no order (user) have none. */
  sort?: 'text_value' | 'number_value' | 'date_value';
}

export const FIELD_INDEXING: Record<FieldType, FieldIndexing> = {
  text: { equality: 'text_value', sort: 'text_value' },
  url: { equality: 'text_value', sort: 'text_value' },
  number: { equality: 'number_value', range: true, sort: 'number_value' },
  date: { equality: 'date_value', range: true, sort: 'date_value' },
  checkbox: { equality: 'number_value', sort: 'number_value' },
  // A select's number is its option's place: it sorts in the order the options are listed.
  select: { equality: 'text_value', sort: 'number_value' },
  multi_select: { equality: 'text_value' },
  user: { equality: 'text_value' },
};

/** A value as stored, or what is wrong with it. */
export type CheckedValue = { value: FieldValue } | { problem: string };

const stored = (value: FieldValue): CheckedValue => ({ value });
const refused = (problem: string): CheckedValue => ({ problem });

type ValueCheck = (value: unknown, field: CustomField, members: ReadonlySet<string>) => CheckedValue;

const isWebUrl = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length <= MAX_URL_LENGTH &&
  URL.canParse(value) &&
  ['http:', 'https:'].includes(new URL(value).protocol);

const optionIdOf = (value: unknown, field: CustomField): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const id = value.toLowerCase();
  return field.options.some((option) => option.id === id) ? id : undefined;
};

const OPTIONS_PROBLEM = "must be an array of ids of the field's options";

const CHECKS: Record<FieldType, ValueCheck> = {
  text: (value) =>
    typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_TEXT_VALUE_LENGTH
      ? stored(value)
      : refused(`must be a non-blank string of at most ${MAX_TEXT_VALUE_LENGTH} characters (null clears it)`),
  number: (value) =>
    typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE
      ? stored(value)
      : refused(`must be a number between -${MAX_MAGNITUDE} and ${MAX_MAGNITUDE}`),
  date: (value) =>
    isCalendarDate(value) ? stored(value) : refused('must be a real calendar date as YYYY-MM-DD'),
  checkbox: (value) => (typeof value === 'boolean' ? stored(value) : refused('must be true or false')),
  select: (value, field) => {
    const id = optionIdOf(value, field);
    return id ? stored(id) : refused("must be the id of one of the field's options");
  },
  multi_select: (value, field) => {
    if (!Array.isArray(value) || value.length > field.options.length) return refused(OPTIONS_PROBLEM);
    const ids = value.map((item) => optionIdOf(item, field));
    if (ids.some((id) => id === undefined)) return refused(OPTIONS_PROBLEM);
    if (new Set(ids).size !== ids.length) return refused('must not name an option twice');
    // Kept in the field's option order, so the same choice is the same value however it was sent.
    return stored(field.options.map((option) => option.id).filter((id) => ids.includes(id)));
  },
  user: (value, _field, members) =>
    typeof value === 'string' && members.has(value.toLowerCase())
      ? stored(value.toLowerCase())
      : refused("must be the id of a member of the task's project"),
  url: (value) =>
    isWebUrl(value)
      ? stored(value)
      : refused(`must be an http or https URL of at most ${MAX_URL_LENGTH} characters`),
};

/** A value as a field stores it, or the reason it cannot. */
export function checkFieldValue(
  field: CustomField,
  value: unknown,
  members: ReadonlySet<string>,
): CheckedValue {
  return CHECKS[field.type](value, field, members);
}

/** The values of a document in id order, the form both the database and a comparison of two documents use. */
export function inIdOrder(values: TaskFieldValues): TaskFieldValues {
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What a write may say of a task's fields: values by field id, null clearing one. */
export type SentFieldValues = Record<string, unknown>;

/**
 * The values a write leaves: a merge (PATCH) changes the fields it names and keeps the others, a replace (PUT,
 * create) keeps none; null clears a value. Ids are kept lower-cased, as the database has them.
 */
export function mergedFieldValues(base: TaskFieldValues, sent: SentFieldValues | undefined): TaskFieldValues {
  if (sent === undefined) return { ...base };
  const merged: Record<string, unknown> = { ...base };
  for (const [id, value] of Object.entries(sent)) {
    if (value === null) delete merged[id.toLowerCase()];
    else merged[id.toLowerCase()] = value;
  }
  return merged as TaskFieldValues;
}

/**
 * The custom fields of the projects one write touches, and (for user fields) who may be named in them. It checks
 * the values a write sends against their field's type and drops the values a task cannot keep in its project.
 */
export class FieldCatalog {
  private readonly byId = new Map<string, CustomField>();

  constructor(
    fields: CustomField[],
    private readonly membersOf: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    for (const field of fields) this.byId.set(field.id, field);
  }

  /**
   * A task's values after a write: `merged` is what the write leaves (mergedFieldValues), `sent` what it named. Each
   * sent value must suit its field, a field of the task's project; values of another project's fields (a task that
   * moved) are dropped. Throws a 422 naming `fields.<id>` for every value that fails.
   */
  settle(projectId: string, merged: TaskFieldValues, sent: SentFieldValues | undefined): TaskFieldValues {
    const named = new Set(Object.keys(sent ?? {}).map((id) => id.toLowerCase()));
    const errors: { field: string; message: string }[] = [];
    const kept: TaskFieldValues = {};
    for (const [id, value] of Object.entries(merged)) {
      const field = this.byId.get(id);
      if (!field || field.projectId !== projectId) {
        if (named.has(id))
          errors.push({ field: `fields.${id}`, message: "is not a field of the task's project" });
        continue;
      }
      if (!named.has(id)) {
        kept[field.id] = value;
        continue;
      }
      const checked = checkFieldValue(field, value, this.membersOf.get(projectId) ?? new Set());
      if ('problem' in checked) errors.push({ field: `fields.${id}`, message: checked.problem });
      else kept[field.id] = checked.value;
    }
    if (errors.length > 0) {
      throw new UnprocessableEntityException({
        message: errors.map((error) => `${error.field} ${error.message}`).join('; '),
        errors,
      });
    }
    return inIdOrder(kept);
  }
}

/** Whether a key of a write's `fields` could name a field at all (checked again against the project). */
export const isFieldKey = (key: string) => isUUID(key, 'all');
