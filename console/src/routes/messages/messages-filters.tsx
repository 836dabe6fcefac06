import { createAsync } from '@solidjs/router';
import { For, Show, createSignal, type Component } from 'solid-js';
import { humanize } from '../../lib/format';
import { MESSAGE_KINDS, MESSAGE_STATUSES, SKIP_REASONS } from '../live-feed/live-feed.data';
import { getStudies } from '../studies/studies.data';
import type { MessagesFilter } from './messages.data';

/** A date input (YYYY-MM-DD) is a day in the viewer's zone: from its midnight, to the next midnight. */
function startOfDay(day: string, addDays = 0): string {
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + addDays);
  return date.toISOString();
}

/** The day an ISO instant falls on in the viewer's zone, for a date input (to: the day before the exclusive end). */
function dayOf(iso: string | undefined, addDays = 0): string {
  if (!iso) return '';
  const date = new Date(iso);
  date.setDate(date.getDate() + addDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const Choice: Component<{ id: string; label: string; name: string; value?: string; options: readonly { value: string; label: string }[]; onChange?: (value: string) => void }> = (
  props,
) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <select id={props.id} name={props.name} value={props.value ?? ''} onChange={(event) => props.onChange?.(event.currentTarget.value)}>
      <option value="">Any</option>
      <For each={props.options}>{(option) => <option value={option.value}>{option.label}</option>}</For>
    </select>
  </div>
);

const codes = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));

/** C2 filters, applied on submit so typing a search does not fire a request per key. */
export const MessagesFilters: Component<{ filter: MessagesFilter; onApply: (filter: MessagesFilter) => void }> = (props) => {
  const studies = createAsync(() => getStudies(''));
  const [studyId, setStudyId] = createSignal(props.filter.studyId ?? '');
  const sessions = () => studies()?.nodes.find((study) => study.id === studyId())?.sessions ?? [];
  const read = (form: HTMLFormElement): MessagesFilter => {
    const data = new FormData(form);
    const value = (name: string): string | undefined => String(data.get(name) ?? '').trim() || undefined;
    const from = value('from');
    const to = value('to');
    return {
      search: value('search'),
      status: value('status'),
      kind: value('kind'),
      skipReason: value('skipReason'),
      studyId: value('studyId'),
      sessionId: value('sessionId'),
      // Links from a person's page carry their id; the form keeps it until cleared.
      employeeId: props.filter.employeeId,
      participantId: props.filter.participantId,
      from: from ? startOfDay(from) : undefined,
      to: to ? startOfDay(to, 1) : undefined,
    };
  };
  return (
    <form
      class="filters messages-filters"
      aria-label="Search and filter messages"
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply(read(event.currentTarget));
      }}
      onReset={() => {
        setStudyId('');
        props.onApply({});
      }}
    >
      <div class="field messages-search">
        <label for="messages-search">Phone, name or email</label>
        <input id="messages-search" name="search" type="search" autocomplete="off" value={props.filter.search ?? ''} />
      </div>
      <Choice id="messages-status" label="Status" name="status" value={props.filter.status} options={codes(MESSAGE_STATUSES)} />
      <Choice id="messages-kind" label="Kind" name="kind" value={props.filter.kind} options={codes(MESSAGE_KINDS)} />
      <Choice id="messages-reason" label="Skip reason" name="skipReason" value={props.filter.skipReason} options={codes(SKIP_REASONS)} />
      <Choice
        id="messages-study"
        label="Study"
        name="studyId"
        value={studyId()}
        options={(studies()?.nodes ?? []).map((study) => ({ value: study.id, label: study.name }))}
        onChange={setStudyId}
      />
      <Show when={studyId()}>
        <Choice
          id="messages-session"
          label="Session"
          name="sessionId"
          value={props.filter.sessionId}
          options={sessions().map((session) => ({ value: session.id, label: new Date(session.startsAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) }))}
        />
      </Show>
      <div class="field">
        <label for="messages-from">From (day)</label>
        <input id="messages-from" name="from" type="date" value={dayOf(props.filter.from)} />
      </div>
      <div class="field">
        <label for="messages-to">To (day, inclusive)</label>
        <input id="messages-to" name="to" type="date" value={dayOf(props.filter.to, -1)} />
      </div>
      <button type="submit" class="primary">
        Search
      </button>
      <button type="reset">Clear</button>
      <Show when={props.filter.employeeId || props.filter.participantId}>
        <p class="hint">Showing one person's messages. Clear to see everyone's.</p>
      </Show>
    </form>
  );
};
