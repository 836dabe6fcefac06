import { For, Show, createSignal, createUniqueId, onCleanup, type Component } from 'solid-js';
import { formatPhone } from '../../lib/format';
import type { EmployeeChoice } from './schedules.data';

const SEARCH_DELAY_MS = 200;

/**
 * Type to find an employee by name, email or phone (an ARIA 1.2 combobox):
 * a team of 10,000 is searched on the server ten at a time, never loaded
 * whole into a dropdown.
 */
export const EmployeePicker: Component<{
  id: string;
  label: string;
  value: EmployeeChoice | null;
  onChange: (choice: EmployeeChoice | null) => void;
  search: (text: string) => Promise<EmployeeChoice[]>;
  disabled?: boolean;
  /** Shown when nobody is chosen and offered as a way back (e.g. "Everyone"). */
  noneLabel?: string;
  invalid?: boolean;
}> = (props) => {
  const listId = createUniqueId();
  const [text, setText] = createSignal(props.value?.name ?? '');
  const [open, setOpen] = createSignal(false);
  const [options, setOptions] = createSignal<EmployeeChoice[]>([]);
  const [active, setActive] = createSignal(-1);
  const [state, setState] = createSignal<'idle' | 'loading' | 'failed'>('idle');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  onCleanup(() => clearTimeout(timer));

  const lookUp = (typed: string) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const ask = ++asked;
      setState('loading');
      try {
        const found = await props.search(typed.trim());
        // Only the newest answer counts: typing fast must not show an older list.
        if (ask !== asked) return;
        setOptions(found);
        setActive(found.length ? 0 : -1);
        setState('idle');
      } catch {
        if (ask === asked) setState('failed');
      }
    }, SEARCH_DELAY_MS);
  };
  const choose = (choice: EmployeeChoice | null) => {
    props.onChange(choice);
    setText(choice?.name ?? '');
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open()) {
        setOpen(true);
        lookUp(text());
        return;
      }
      const count = options().length;
      if (count) setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter' && open()) {
      event.preventDefault();
      const option = options()[active()];
      if (option) choose(option);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setText(props.value?.name ?? '');
    }
  };
  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <div class="field employee-picker" classList={{ invalid: Boolean(props.invalid) }}>
      <label for={props.id}>{props.label}</label>
      <div class="employee-picker-box">
        <input
          id={props.id}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={open()}
          aria-controls={listId}
          aria-activedescendant={open() && active() >= 0 ? optionId(active()) : undefined}
          aria-invalid={props.invalid ? 'true' : undefined}
          placeholder={props.noneLabel ?? 'Type a name, email or phone'}
          disabled={props.disabled}
          value={text()}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setOpen(true);
            lookUp(event.currentTarget.value);
          }}
          onFocus={() => {
            setOpen(true);
            lookUp(text() === props.value?.name ? '' : text());
          }}
          // Leaving the field closes the list after a click on an option has landed.
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        <Show when={props.noneLabel && props.value && !props.disabled}>
          <button type="button" class="link-button" onClick={() => choose(null)}>
            {props.noneLabel}
          </button>
        </Show>
      </div>
      <ul id={listId} role="listbox" aria-label={`${props.label}: matches`} class="employee-picker-list" hidden={!open()}>
        <Show when={state() === 'failed'}>
          <li class="hint">The search failed; type again to retry.</li>
        </Show>
        <Show when={state() !== 'failed' && options().length === 0}>
          <li class="hint">{state() === 'loading' ? 'Searching…' : 'No employee matches.'}</li>
        </Show>
        <For each={options()}>
          {(option, index) => (
            <li
              id={optionId(index())}
              role="option"
              aria-selected={index() === active()}
              classList={{ active: index() === active() }}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              <span class="employee-picker-name">{option.name}</span>
              <span class="hint">{[option.email, option.phone ? formatPhone(option.phone) : null].filter(Boolean).join(' · ') || 'No email or phone'}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
};
