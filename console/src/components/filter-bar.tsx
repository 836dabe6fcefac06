import { For, type JSX, type ParentComponent } from 'solid-js';
import { humanize } from '../lib/format';

/**
 * The filters above a list, named for what they filter: a search landmark by
 * default, a group for controls beside the filters (the feed's Pause), or a
 * plain form landmark. onApply runs on submit, so a form applied by its button
 * does not fire a request per key; onClear answers its reset.
 */
export const FilterBar: ParentComponent<{
  label: string;
  class?: string;
  role?: 'search' | 'group' | 'form';
  onApply?: (form: HTMLFormElement) => void;
  onClear?: () => void;
}> = (props) => (
  <form
    class={props.class ? `filters ${props.class}` : 'filters'}
    role={props.role === 'form' ? undefined : (props.role ?? 'search')}
    aria-label={props.label}
    onSubmit={(event) => {
      event.preventDefault();
      props.onApply?.(event.currentTarget);
    }}
    onReset={() => props.onClear?.()}
  >
    {props.children}
  </form>
);

export type FilterOption = string | { value: string; label: string };

/**
 * A labelled select in a filter bar. Options given as codes read humanized.
 * `any` is the first option's label, for no filter (false: none; the options carry their own).
 */
export const FilterChoice = (props: {
  id: string;
  label: string;
  name?: string;
  value?: string;
  options: readonly FilterOption[];
  any?: string | false;
  onChange?: (value: string) => void;
}): JSX.Element => {
  const options = () => [
    ...(props.any === false ? [] : [{ value: '', label: props.any ?? 'Any' }]),
    ...props.options.map((option) => (typeof option === 'string' ? { value: option, label: humanize(option) } : option)),
  ];
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} value={props.value ?? ''} onChange={(event) => props.onChange?.(event.currentTarget.value)}>
        <For each={options()}>{(option) => <option value={option.value}>{option.label}</option>}</For>
      </select>
    </div>
  );
};

/** A From / To (inclusive) pair of day inputs, named `from` and `to`. */
export const DayRange = (props: { idPrefix: string; from?: string; to?: string }): JSX.Element => (
  <>
    <div class="field">
      <label for={`${props.idPrefix}-from`}>From (day)</label>
      <input id={`${props.idPrefix}-from`} name="from" type="date" value={props.from ?? ''} />
    </div>
    <div class="field">
      <label for={`${props.idPrefix}-to`}>To (day, inclusive)</label>
      <input id={`${props.idPrefix}-to`} name="to" type="date" value={props.to ?? ''} />
    </div>
  </>
);
