import { createAsync, useAction } from '@solidjs/router';
import { For, Index, Show, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ErrorNotice } from '../../components/status';
import { Toggle } from '../../components/toggle';
import { ApiError, fieldError } from '../../lib/graphql';
import { formatDateTime, fromLocalInput, humanize, toLocalInput } from '../../lib/format';
import {
  decideTimeOff,
  fetchTimeOff,
  fetchWeeks,
  getEmployeeChoices,
  getTimeOff,
  getWeeks,
  publishSchedule,
  saveScheduleWeek,
  setWeekSmsAlert,
  type EmployeeChoice,
  type PublishResult,
  type ScheduleWeekRow,
  type TimeOffRow,
  type WeekFilter,
} from './schedules.data';
import { daysBetween, formatWeek, localOn, mondayOf, moveLocal, thisMonday } from './week-dates.util';
import './schedules.css';

interface ShiftDraft {
  startsAt: string;
  endsAt: string;
  note: string;
}

type Editing = { week: ScheduleWeekRow } | { week: null } | null;
type AlertChoice = 'default' | 'on' | 'off';

const shiftTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

const WeekEditor: Component<{ editing: Editing; employees: EmployeeChoice[]; defaultWeek: string; onClose: () => void; onSaved: (message: string) => void }> = (props) => {
  const save = useAction(saveScheduleWeek);
  const week = () => props.editing?.week ?? null;
  // The editor mounts for each opening: it starts from the week being edited, or a blank week with one shift.
  const initial = week();
  const initialWeek = initial?.weekStart ?? props.defaultWeek;
  const [employeeId, setEmployeeId] = createSignal(initial?.employee.id ?? props.employees[0]?.id ?? '');
  const [weekStart, setWeekStart] = createSignal(initialWeek);
  const [alert, setAlert] = createSignal<AlertChoice>('default');
  const [shifts, setShifts] = createSignal<ShiftDraft[]>(
    initial
      ? initial.shifts.map((s) => ({ startsAt: toLocalInput(new Date(s.startsAt)), endsAt: toLocalInput(new Date(s.endsAt)), note: s.note ?? '' }))
      : [{ startsAt: localOn(initialWeek, 0, 9), endsAt: localOn(initialWeek, 0, 17), note: '' }],
  );
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);

  const update = (index: number, patch: Partial<ShiftDraft>) => setShifts(shifts().map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const addShift = () => {
    const day = Math.min(shifts().length, 6);
    setShifts([...shifts(), { startsAt: localOn(weekStart(), day, 9), endsAt: localOn(weekStart(), day, 17), note: '' }]);
  };
  // A new week's shifts follow it to the chosen week, keeping their days and times.
  const moveWeek = (monday: string) => {
    if (!monday) return;
    const days = daysBetween(weekStart(), monday);
    setWeekStart(monday);
    setShifts(shifts().map((s) => ({ ...s, startsAt: moveLocal(s.startsAt, days), endsAt: moveLocal(s.endsAt, days) })));
  };
  const employeeName = () => props.employees.find((e) => e.id === employeeId())?.name ?? 'the employee';

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const monday = mondayOf(weekStart());
      if (!employeeId()) throw new ApiError('Choose an employee.', 'BAD_USER_INPUT', 'employeeId');
      if (!monday) throw new ApiError('Choose the week.', 'BAD_USER_INPUT', 'weekStart');
      await save({
        employeeId: employeeId(),
        weekStart: monday,
        ...(alert() === 'default' ? {} : { sendSmsAlert: alert() === 'on' }),
        shifts: shifts().map((s) => ({ startsAt: fromLocalInput(s.startsAt), endsAt: fromLocalInput(s.endsAt), note: s.note.trim() || null })),
      });
      props.onSaved(`Saved the ${formatWeek(monday, true)} for ${employeeName()}.`);
      props.onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const shiftError = (index: number) => fieldError(error(), `shifts.${index}.startsAt`) ?? fieldError(error(), `shifts.${index}.endsAt`);
  const otherError = () => {
    const failure = error();
    if (!failure) return null;
    const field = failure instanceof ApiError ? failure.field : undefined;
    return field && (['employeeId', 'weekStart'].includes(field) || field.startsWith('shifts.')) ? null : failure;
  };

  return (
    <Dialog open={Boolean(props.editing)} title={week() ? `Edit ${formatWeek(week()!.weekStart, true)} for ${week()!.employee.name}` : 'Add a schedule week'} onClose={props.onClose}>
      <form class="schedules-editor" onSubmit={submit} novalidate>
        <div class="field" classList={{ invalid: Boolean(fieldError(error(), 'employeeId')) }}>
          <label for="week-employee">Employee</label>
          <select id="week-employee" value={employeeId()} disabled={Boolean(week())} onChange={(event) => setEmployeeId(event.currentTarget.value)}>
            <For each={props.employees}>{(employee) => <option value={employee.id}>{employee.name}</option>}</For>
          </select>
          <Show when={fieldError(error(), 'employeeId')}>
            <p class="field-error">{fieldError(error(), 'employeeId')}</p>
          </Show>
        </div>
        <Field
          label="Week (any day; saved as its Monday)"
          type="date"
          value={weekStart()}
          disabled={Boolean(week())}
          onChange={(event) => moveWeek(mondayOf(event.currentTarget.value))}
          error={fieldError(error(), 'weekStart')}
        />
        <Show when={!week()}>
          <div class="field">
            <label for="week-alert">Send SMS Alert</label>
            <select id="week-alert" value={alert()} onChange={(event) => setAlert(event.currentTarget.value as AlertChoice)}>
              <option value="default">Follow the employee's SMS opt-in (default)</option>
              <option value="on">On</option>
              <option value="off">Off</option>
            </select>
            <p class="hint">A saved week keeps its switch; change it in the list.</p>
          </div>
        </Show>
        <fieldset>
          <legend>Shifts (times in your zone)</legend>
          <Index each={shifts()}>
            {(shift, index) => (
              <div class="schedules-shift-row" role="group" aria-label={`Shift ${index + 1}`}>
                <Field label={`Shift ${index + 1} starts`} type="datetime-local" value={shift().startsAt} onInput={(event) => update(index, { startsAt: event.currentTarget.value })} error={shiftError(index)} />
                <Field label={`Shift ${index + 1} ends`} type="datetime-local" value={shift().endsAt} onInput={(event) => update(index, { endsAt: event.currentTarget.value })} />
                <Field label={`Shift ${index + 1} note`} type="text" value={shift().note} onInput={(event) => update(index, { note: event.currentTarget.value })} />
                <button type="button" class="link-button" onClick={() => setShifts(shifts().filter((_, i) => i !== index))}>
                  Remove shift {index + 1}
                </button>
              </div>
            )}
          </Index>
          <Show when={shifts().length === 0}>
            <p class="empty">No shifts: saving clears this week.</p>
          </Show>
          <button type="button" onClick={addShift} disabled={shifts().length >= 14}>
            Add shift
          </button>
          <Show when={fieldError(error(), 'shifts')}>
            <p class="field-error">{fieldError(error(), 'shifts')}</p>
          </Show>
        </fieldset>
        <Show when={otherError()}>
          <ErrorNotice error={otherError()} />
        </Show>
        <div class="actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={pending()}>
            {pending() ? 'Saving…' : 'Save week'}
          </button>
        </div>
      </form>
    </Dialog>
  );
};

const PublishDialog: Component<{ open: boolean; defaultWeek: string; onClose: () => void }> = (props) => {
  const publish = useAction(publishSchedule);
  const [weekStart, setWeekStart] = createSignal('');
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  const [result, setResult] = createSignal<PublishResult | null>(null);
  let idempotencyKey = crypto.randomUUID();
  const week = () => weekStart() || props.defaultWeek;
  const close = () => {
    setError(null);
    setResult(null);
    setWeekStart('');
    idempotencyKey = crypto.randomUUID();
    props.onClose();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      setResult(await publish(week(), idempotencyKey));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open={props.open} title={result() ? 'Schedule published' : `Publish the ${formatWeek(week(), true)}?`} onClose={close}>
      <Show
        when={result()}
        fallback={
          <form onSubmit={submit} novalidate>
            <Field label="Week to publish (any day; its Monday is used)" type="date" value={week()} onChange={(event) => setWeekStart(mondayOf(event.currentTarget.value))} error={fieldError(error(), 'weekStart')} />
            <p>Every employee with shifts that week is texted that the schedule is published (if they opted in and have a phone).</p>
            <Show when={error() && !fieldError(error(), 'weekStart')}>
              <ErrorNotice error={error()} />
            </Show>
            <div class="actions">
              <button type="button" onClick={close}>
                Not yet
              </button>
              <button type="submit" class="primary" disabled={pending()}>
                {pending() ? 'Publishing…' : 'Publish'}
              </button>
            </div>
          </form>
        }
      >
        {(done) => (
          <>
            <p role="status">
              Published {done().weeksPublished === 1 ? '1 schedule' : `${done().weeksPublished} schedules`}; {done().messagesQueued === 1 ? '1 text' : `${done().messagesQueued} texts`}{' '}
              recorded (each still passes the send rules).
            </p>
            <div class="actions">
              <button type="button" class="primary" onClick={close}>
                Close
              </button>
            </div>
          </>
        )}
      </Show>
    </Dialog>
  );
};

const TimeOffSection: Component = () => {
  const [status, setStatus] = createSignal<TimeOffRow['status'] | ''>('PENDING');
  const firstPage = createAsync(() => getTimeOff(status()));
  const list = createKeysetList(firstPage, (after) => fetchTimeOff(status(), after));
  const decide = useAction(decideTimeOff);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const run = async (request: TimeOffRow, approved: boolean) => {
    setBusy(request.id);
    setError(null);
    try {
      await decide(request.id, approved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="panel" aria-labelledby="time-off-title">
      <h2 id="time-off-title">Time-off requests</h2>
      <div class="filters">
        <div class="field">
          <label for="time-off-status">Status</label>
          <select id="time-off-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as TimeOffRow['status'] | '')}>
            <option value="PENDING">Pending</option>
            <option value="APPROVED">Approved</option>
            <option value="DENIED">Denied</option>
            <option value="">All</option>
          </select>
        </div>
      </div>
      <p class="hint">Deciding a request texts the employee the answer.</p>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
      <Show when={list.items().length > 0} fallback={<p class="empty">No {status() ? humanize(status()).toLowerCase() : ''} time-off requests.</p>}>
        <div class="table-wrap">
          <table aria-label="Time-off requests">
            <thead>
              <tr>
                <th scope="col">Employee</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Reason</th>
                <th scope="col">Status</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              <For each={list.items()}>
                {(request) => (
                  <tr>
                    <td>{request.employee.name}</td>
                    <td>{request.startsOn}</td>
                    <td>{request.endsOn}</td>
                    <td>{request.reason ?? '—'}</td>
                    <td>
                      <span class={`badge badge-${request.status.toLowerCase()}`}>{humanize(request.status)}</span>
                    </td>
                    <td>
                      <Show
                        when={request.status === 'PENDING'}
                        fallback={<span class="hint">{request.decidedBy ? `${request.decidedBy}, ${formatDateTime(request.decidedAt)}` : formatDateTime(request.decidedAt)}</span>}
                      >
                        <div class="actions schedules-decide">
                          <button type="button" disabled={busy() === request.id} aria-label={`Approve time off for ${request.employee.name}`} onClick={() => void run(request, true)}>
                            Approve
                          </button>
                          <button type="button" class="danger" disabled={busy() === request.id} aria-label={`Deny time off for ${request.employee.name}`} onClick={() => void run(request, false)}>
                            Deny
                          </button>
                        </div>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <LoadMore hasMore={list.hasMore()} loading={list.loading()} onLoad={() => void list.loadMore()} />
    </section>
  );
};

const SchedulesPage: Component = () => {
  const [employeeId, setEmployeeId] = createSignal('');
  const [weekStart, setWeekStart] = createSignal('');
  const filter = (): WeekFilter => ({ ...(employeeId() ? { employeeId: employeeId() } : {}), ...(weekStart() ? { weekStart: weekStart() } : {}) });
  const employees = createAsync(() => getEmployeeChoices());
  const firstPage = createAsync(() => getWeeks(filter()));
  const list = createKeysetList(firstPage, (after) => fetchWeeks(filter(), after));
  const setAlert = useAction(setWeekSmsAlert);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [editing, setEditing] = createSignal<Editing>(null);
  const [publishing, setPublishing] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);

  const toggleAlert = async (week: ScheduleWeekRow, on: boolean) => {
    setBusy(week.id);
    setError(null);
    try {
      await setAlert(week.id, on);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page
      title="Schedules"
      actions={
        <div class="actions schedules-header-actions">
          <button type="button" onClick={() => setPublishing(true)}>
            Publish a week…
          </button>
          <button type="button" class="primary" disabled={(employees()?.length ?? 0) === 0} onClick={() => setEditing({ week: null })}>
            Add a week
          </button>
        </div>
      }
    >
      <form class="filters" role="search" aria-label="Filter schedule weeks" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="weeks-employee">Employee</label>
          <select id="weeks-employee" value={employeeId()} onChange={(event) => setEmployeeId(event.currentTarget.value)}>
            <option value="">Everyone</option>
            <For each={employees()}>{(employee) => <option value={employee.id}>{employee.name}</option>}</For>
          </select>
        </div>
        <Field label="Week (any day)" type="date" value={weekStart()} onChange={(event) => setWeekStart(mondayOf(event.currentTarget.value))} />
        <Show when={weekStart()}>
          <button type="button" class="link-button" onClick={() => setWeekStart('')}>
            All weeks
          </button>
        </Show>
      </form>
      <Show when={notice()}>
        <p class="notice" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
      <Show
        when={list.items().length > 0}
        fallback={<p class="empty">{employeeId() || weekStart() ? 'No schedule weeks match these filters.' : 'No schedule weeks yet. Add one for an employee.'}</p>}
      >
        <div class="table-wrap">
          <table aria-label="Schedule weeks">
            <thead>
              <tr>
                <th scope="col">Employee</th>
                <th scope="col">Week</th>
                <th scope="col">Shifts</th>
                <th scope="col">Send SMS Alert</th>
                <th scope="col">Published</th>
                <th scope="col">Edit</th>
              </tr>
            </thead>
            <tbody>
              <For each={list.items()}>
                {(week) => (
                  <tr>
                    <td>
                      {week.employee.name}
                      <Show when={!week.employee.smsOptIn || !week.employee.phone}>
                        <div class="hint">{!week.employee.phone ? 'No phone: no texts' : 'Not opted in: no texts'}</div>
                      </Show>
                    </td>
                    <td>{formatWeek(week.weekStart)}</td>
                    <td>
                      <Show when={week.shifts.length > 0} fallback={<span class="hint">No shifts</span>}>
                        <ul class="schedules-shifts">
                          <For each={week.shifts}>
                            {(shift) => (
                              <li>
                                {shiftTime.format(new Date(shift.startsAt))}–{timeOnly.format(new Date(shift.endsAt))}
                                {shift.note ? ` · ${shift.note}` : ''}
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </td>
                    <td>
                      <Toggle
                        label={`Send SMS Alert for ${week.employee.name}, ${formatWeek(week.weekStart, true)}`}
                        checked={week.sendSmsAlert}
                        busy={busy() === week.id}
                        onChange={(on) => void toggleAlert(week, on)}
                      />
                    </td>
                    <td>{week.publishedAt ? formatDateTime(week.publishedAt) : 'Not yet'}</td>
                    <td>
                      <button type="button" class="link-button" aria-label={`Edit ${week.employee.name}, ${formatWeek(week.weekStart, true)}`} onClick={() => setEditing({ week })}>
                        Edit
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={list.error()}>
        <ErrorNotice error={list.error()} />
      </Show>
      <LoadMore hasMore={list.hasMore()} loading={list.loading()} onLoad={() => void list.loadMore()} />

      <TimeOffSection />
      {/* One dialog in the page at a time: each names itself by the same title id. */}
      <Show when={editing()}>
        <WeekEditor editing={editing()} employees={employees() ?? []} defaultWeek={weekStart() || thisMonday()} onClose={() => setEditing(null)} onSaved={setNotice} />
      </Show>
      <Show when={publishing()}>
        <PublishDialog open={publishing()} defaultWeek={weekStart() || thisMonday()} onClose={() => setPublishing(false)} />
      </Show>
    </Page>
  );
};

export default SchedulesPage;
