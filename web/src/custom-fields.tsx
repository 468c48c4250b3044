import { boardFields, boardMembers, type CustomField } from './board-store';

export type FieldValues = Record<string, unknown>;

/** The values a form holds, without the empty ones: an emptied control clears its field. */
function withValue(values: FieldValues, id: string, value: unknown): FieldValues {
  const next = { ...values };
  if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) delete next[id];
  else next[id] = value;
  return next;
}

/** The fields a save sends: each one changed, null for one cleared. */
export function changedFieldValues(draft: FieldValues, before: FieldValues): FieldValues | undefined {
  const changed: FieldValues = {};
  for (const id of new Set([...Object.keys(draft), ...Object.keys(before)])) {
    if (JSON.stringify(draft[id]) !== JSON.stringify(before[id])) changed[id] = draft[id] ?? null;
  }
  return Object.keys(changed).length > 0 ? changed : undefined;
}

/** How a value reads in a summary. */
export function shownValue(field: CustomField, value: unknown): string {
  if (value === undefined) return '—';
  const optionName = (id: unknown) => field.options.find((option) => option.id === id)?.name ?? '?';
  switch (field.type) {
    case 'checkbox':
      return value ? 'Yes' : 'No';
    case 'select':
      return optionName(value);
    case 'multi_select':
      return (value as string[]).map(optionName).join(', ');
    case 'user': {
      const member = boardMembers.value.find((candidate) => candidate.userId === value);
      return member ? (member.displayName ?? member.username ?? member.userId) : 'a former member';
    }
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '—';
  }
}

function FieldControl({
  field,
  value,
  onChange,
}: {
  field: CustomField;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  switch (field.type) {
    case 'checkbox':
      return (
        <label class="checkbox">
          <input
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.currentTarget.checked)}
          />
          {field.name}
        </label>
      );
    case 'multi_select': {
      const chosen = (value as string[] | undefined) ?? [];
      return (
        <fieldset>
          <legend>{field.name}</legend>
          {field.options.map((option) => (
            <label class="checkbox" key={option.id}>
              <input
                type="checkbox"
                checked={chosen.includes(option.id)}
                onChange={(event) =>
                  onChange(
                    field.options
                      .map((candidate) => candidate.id)
                      .filter((id) => (id === option.id ? event.currentTarget.checked : chosen.includes(id))),
                  )
                }
              />
              {option.name}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'select':
    case 'user': {
      const choices =
        field.type === 'select'
          ? field.options.map((option) => ({ id: option.id, name: option.name }))
          : boardMembers.value.map((member) => ({
              id: member.userId,
              name: member.displayName ?? member.username ?? member.userId,
            }));
      return (
        <label>
          {field.name}
          <select
            value={(value as string | undefined) ?? ''}
            onChange={(event) => onChange(event.currentTarget.value)}
          >
            <option value="">—</option>
            {choices.map((choice) => (
              <option value={choice.id} key={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </label>
      );
    }
    default: {
      const props = {
        value: typeof value === 'string' || typeof value === 'number' ? String(value) : '',
        onInput: (event: { currentTarget: HTMLInputElement }) => {
          const text = event.currentTarget.value;
          onChange(field.type === 'number' && text !== '' ? Number(text) : text);
        },
      };
      const inputs = {
        number: <input type="number" {...props} />,
        date: <input type="date" {...props} />,
        url: <input type="url" {...props} />,
        text: <input type="text" maxLength={500} {...props} />,
      };
      return (
        <label>
          {field.name}
          {inputs[field.type]}
        </label>
      );
    }
  }
}

/** The project's custom fields as form controls, each labelled by its field's name. */
export function CustomFieldsEditor({
  values,
  onChange,
}: {
  values: FieldValues;
  onChange: (values: FieldValues) => void;
}) {
  if (boardFields.value.length === 0) return null;
  return (
    <fieldset class="custom-fields">
      <legend>Fields</legend>
      {boardFields.value.map((field) => (
        <FieldControl
          key={field.id}
          field={field}
          value={values[field.id]}
          onChange={(value) => onChange(withValue(values, field.id, value))}
        />
      ))}
    </fieldset>
  );
}
