import { useState } from 'preact/hooks';

interface Props {
  /** What the button that opens the form says ("New task"). */
  opener: string;
  label: string;
  maxLength: number;
  submit: string;
  dismiss: string;
  class?: string;
  /** Saves the value; true when it was saved (the field then empties for the next one). */
  onSave(value: string): Promise<boolean>;
}

/** A button that opens a one-field form in its place: "New task" → Title, "New project" → Name. */
export function OneFieldForm(props: Props) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" class={props.class} onClick={() => setOpen(true)}>
        {props.opener}
      </button>
    );
  }
  async function save(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('value') as HTMLInputElement;
    if (await props.onSave(input.value.trim())) form.reset();
  }
  return (
    <form
      class={props.class ? `${props.class}-form inline-form` : 'inline-form'}
      onSubmit={(event) => void save(event)}
    >
      <label>
        {props.label}
        <input name="value" required maxLength={props.maxLength} autoFocus />
      </label>
      <button type="submit">{props.submit}</button>
      <button type="button" onClick={() => setOpen(false)}>
        {props.dismiss}
      </button>
    </form>
  );
}
