import { createAsync } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { DayRange, FilterBar, FilterChoice } from '../../components/filter-bar';
import { startOfDay } from '../../lib/format';
import { MESSAGE_KINDS, MESSAGE_STATUSES, SKIP_REASONS } from '../live-feed/live-feed.data';
import { getStudies } from '../studies/studies.data';
import type { MessagesFilter } from './messages.data';

/** The day an ISO instant falls on in the viewer's zone, for a date input (to: the day before the exclusive end). */
function dayOf(iso: string | undefined, addDays = 0): string {
  if (!iso) return '';
  const date = new Date(iso);
  date.setDate(date.getDate() + addDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

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
    <FilterBar
      class="messages-filters"
      role="form"
      label="Search and filter messages"
      onApply={(form) => props.onApply(read(form))}
      onClear={() => {
        setStudyId('');
        props.onApply({});
      }}
    >
      <div class="field messages-search">
        <label for="messages-search">Phone, name or email</label>
        <input id="messages-search" name="search" type="search" autocomplete="off" value={props.filter.search ?? ''} />
      </div>
      <FilterChoice id="messages-status" label="Status" name="status" value={props.filter.status} options={MESSAGE_STATUSES} />
      <FilterChoice id="messages-kind" label="Kind" name="kind" value={props.filter.kind} options={MESSAGE_KINDS} />
      <FilterChoice id="messages-reason" label="Skip reason" name="skipReason" value={props.filter.skipReason} options={SKIP_REASONS} />
      <FilterChoice
        id="messages-study"
        label="Study"
        name="studyId"
        value={studyId()}
        options={(studies()?.nodes ?? []).map((study) => ({ value: study.id, label: study.name }))}
        onChange={setStudyId}
      />
      <Show when={studyId()}>
        <FilterChoice
          id="messages-session"
          label="Session"
          name="sessionId"
          value={props.filter.sessionId}
          options={sessions().map((session) => ({ value: session.id, label: new Date(session.startsAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) }))}
        />
      </Show>
      <DayRange idPrefix="messages" from={dayOf(props.filter.from)} to={dayOf(props.filter.to, -1)} />
      <button type="submit" class="primary">
        Search
      </button>
      <button type="reset">Clear</button>
      <Show when={props.filter.employeeId || props.filter.participantId}>
        <p class="hint">Showing one person's messages. Clear to see everyone's.</p>
      </Show>
    </FilterBar>
  );
};
