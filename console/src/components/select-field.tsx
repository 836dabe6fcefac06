import { For, Show, createUniqueId, type Component } from 'solid-js';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled native <select> with its hint and field-level error, wired like Field. */
export const SelectField: Component<{
  label: string;
  name: string;
  options: SelectOption[];
  value: string;
  hint?: string;
  error?: string;
  onChange?: (value: string) => void;
}> = (props) => {
  const id = createUniqueId();
  const describedBy = () => [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field" classList={{ invalid: Boolean(props.error) }}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy()}
        onChange={(event) => props.onChange?.(event.currentTarget.value)}
      >
        <For each={props.options}>{(option) => <option value={option.value} selected={option.value === props.value}>{option.label}</option>}</For>
      </select>
      <Show when={props.hint}>
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
};

export const LANGUAGE_OPTIONS: SelectOption[] = [
  { value: 'EN', label: 'English' },
  { value: 'ES', label: 'Español (Spanish)' },
];
