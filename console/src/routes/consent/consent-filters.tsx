import { For, type Component } from 'solid-js';
import { humanize } from '../../lib/format';
import { CONSENT_ACTIONS, CONSENT_SOURCES, SUBJECT_TYPES, type ConsentFilter } from './consent-audit.data';

/** A date input (YYYY-MM-DD) is a day in the viewer's zone: from its midnight, to the next midnight. */
function startOfDay(day: string, addDays = 0): string {
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + addDays);
  return date.toISOString();
}

function readFilter(form: HTMLFormElement): ConsentFilter {
  const data = new FormData(form);
  const value = (name: string): string | undefined => String(data.get(name) ?? '').trim() || undefined;
  const from = value('from');
  const to = value('to');
  return {
    action: value('action') as ConsentFilter['action'],
    source: value('source') as ConsentFilter['source'],
    subjectType: value('subjectType') as ConsentFilter['subjectType'],
    phone: value('phone'),
    from: from ? startOfDay(from) : undefined,
    to: to ? startOfDay(to, 1) : undefined,
  };
}

const Choice: Component<{ id: string; label: string; name: string; options: readonly string[] }> = (props) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <select id={props.id} name={props.name}>
      <option value="">Any</option>
      <For each={props.options}>{(option) => <option value={option}>{humanize(option)}</option>}</For>
    </select>
  </div>
);

/** K5 filters; applied on submit so typing a phone number does not fire a request per key. */
export const ConsentFilters: Component<{ onApply: (filter: ConsentFilter) => void }> = (props) => (
  <form
    class="filters"
    aria-label="Filter consent records"
    onSubmit={(event) => {
      event.preventDefault();
      props.onApply(readFilter(event.currentTarget));
    }}
    onReset={() => props.onApply({})}
  >
    <Choice id="consent-action" label="Action" name="action" options={CONSENT_ACTIONS} />
    <Choice id="consent-source" label="Source" name="source" options={CONSENT_SOURCES} />
    <Choice id="consent-subject" label="Subject type" name="subjectType" options={SUBJECT_TYPES} />
    <div class="field">
      <label for="consent-phone">Phone</label>
      <input id="consent-phone" name="phone" type="tel" autocomplete="off" />
    </div>
    <div class="field">
      <label for="consent-from">From (day)</label>
      <input id="consent-from" name="from" type="date" />
    </div>
    <div class="field">
      <label for="consent-to">To (day, inclusive)</label>
      <input id="consent-to" name="to" type="date" />
    </div>
    <button type="submit" class="primary">
      Apply filters
    </button>
    <button type="reset">Clear</button>
  </form>
);
