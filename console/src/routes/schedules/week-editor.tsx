import { useAction } from '@solidjs/router';
import { Index, Show, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { fromLocalInput, toLocalInput } from '../../lib/format';
import { EmployeePicker } from './employee-picker';
import { saveScheduleWeek, searchEmployees, type EmployeeChoice, type ScheduleWeekRow } from './schedules.data';
import { daysBetween, formatWeek, localOn, mondayOf, moveLocal } from './week-dates.util';

/** The week being edited, a new week ({ week: null }), or closed (null). */
export type Editing = { week: ScheduleWeekRow } | { week: null } | null;

type AlertChoice = 'default' | 'on' | 'off';

interface ShiftDraft {
  startsAt: string;
  endsAt: string;
  note: string;
}

// Fields with a control of their own; any other error shows once, below the form.
const SHIFT_FIELD = /^shifts\.\d+\.(startsAt|endsAt|note)$/;
const isShownOnField = (field: string): boolean => ['employeeId', 'weekStart', 'shifts'].includes(field) || SHIFT_FIELD.test(field);

export const WeekEditor: Component<{ editing: Editing; defaultWeek: string; onClose: () => void; onSaved: (message: string) => void }> = (props) => {
  const save = useAction(saveScheduleWeek);
  const week = () => props.editing?.week ?? null;
  // The editor mounts for each opening: it starts from the week being edited, or a blank week with one shift.
  const initial = week();
  const initialWeek = initial?.weekStart ?? props.defaultWeek;
  const [employee, setEmployee] = createSignal<EmployeeChoice | null>(
    initial ? { id: initial.employee.id, name: initial.employee.name, email: null, phone: initial.employee.phone, smsOptIn: initial.employee.smsOptIn } : null,
  );
  const employeeId = () => employee()?.id ?? '';
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
  const employeeName = () => employee()?.name ?? 'the employee';

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
  const shiftError = (index: number, field: keyof ShiftDraft) => fieldError(error(), `shifts.${index}.${field}`);
  const otherError = () => {
    const failure = error();
    if (!failure) return null;
    const field = failure instanceof ApiError ? failure.field : undefined;
    return field && isShownOnField(field) ? null : failure;
  };

  return (
    <Dialog open={Boolean(props.editing)} title={week() ? `Edit ${formatWeek(week()!.weekStart, true)} for ${week()!.employee.name}` : 'Add a schedule week'} onClose={props.onClose}>
      <form class="schedules-editor" onSubmit={submit} novalidate>
        <EmployeePicker
          id="week-employee"
          label="Employee"
          value={employee()}
          onChange={setEmployee}
          search={searchEmployees}
          disabled={Boolean(week())}
          invalid={Boolean(fieldError(error(), 'employeeId'))}
        />
        <Show when={fieldError(error(), 'employeeId')}>
          <p class="field-error">{fieldError(error(), 'employeeId')}</p>
        </Show>
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
                <Field
                  label={`Shift ${index + 1} starts`}
                  type="datetime-local"
                  value={shift().startsAt}
                  onInput={(event) => update(index, { startsAt: event.currentTarget.value })}
                  error={shiftError(index, 'startsAt')}
                />
                <Field
                  label={`Shift ${index + 1} ends`}
                  type="datetime-local"
                  value={shift().endsAt}
                  onInput={(event) => update(index, { endsAt: event.currentTarget.value })}
                  error={shiftError(index, 'endsAt')}
                />
                <Field label={`Shift ${index + 1} note`} type="text" value={shift().note} onInput={(event) => update(index, { note: event.currentTarget.value })} error={shiftError(index, 'note')} />
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
