import { For, Show, type Component } from 'solid-js';
import { DataTable, type Column } from '../../components/data-table';
import { Toggle } from '../../components/toggle';
import { formatDateTime } from '../../lib/format';
import type { ScheduleWeekRow } from './schedules.data';
import { daysBetween, formatWeek } from './week-dates.util';

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The viewer's calendar date of an instant, as YYYY-MM-DD. */
const localDate = (iso: string): string => {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};

/** The week's shifts by the day they start on (Monday first), for a grid a manager reads across. */
function shiftsByDay(week: ScheduleWeekRow): ScheduleWeekRow['shifts'][] {
  const days: ScheduleWeekRow['shifts'][] = DAYS.map(() => []);
  for (const shift of week.shifts) {
    const day = Math.min(6, Math.max(0, daysBetween(week.weekStart, localDate(shift.startsAt))));
    days[day].push(shift);
  }
  return days;
}

const DayShifts: Component<{ shifts: ScheduleWeekRow['shifts'] }> = (props) => (
  <Show when={props.shifts.length > 0} fallback={<span class="hint" aria-label="No shift">–</span>}>
    <ul class="schedules-shifts">
      <For each={props.shifts}>
        {(shift) => (
          <li>
            {timeOnly.format(new Date(shift.startsAt))}–{timeOnly.format(new Date(shift.endsAt))}
            <Show when={shift.note}>
              <span class="hint schedules-note">{shift.note}</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  </Show>
);

/** Schedule weeks with their shifts, the E4 Send SMS Alert switch and an edit button. */
export const ScheduleWeekTable: Component<{
  weeks: ScheduleWeekRow[];
  busyId: string | null;
  onAlert: (week: ScheduleWeekRow, enabled: boolean) => void;
  onEdit: (week: ScheduleWeekRow) => void;
}> = (props) => (
  <DataTable
    label="Schedule weeks"
    columns={[
      {
        header: 'Employee',
        cell: (week) => (
          <>
            {week.employee.name}
            <Show when={!week.employee.smsOptIn || !week.employee.phone}>
              <div class="hint">{!week.employee.phone ? 'No phone: no texts' : 'Not opted in: no texts'}</div>
            </Show>
          </>
        ),
      },
      { header: 'Week', class: 'nowrap', cell: (week) => formatWeek(week.weekStart) },
      ...DAYS.map((day, index): Column<ScheduleWeekRow> => ({ header: day, class: 'schedules-day', cell: (week) => <DayShifts shifts={shiftsByDay(week)[index]} /> })),
      {
        header: 'Send SMS Alert',
        cell: (week) => (
          <Toggle
            label={`Send SMS Alert for ${week.employee.name}, ${formatWeek(week.weekStart, true)}`}
            checked={week.sendSmsAlert}
            busy={props.busyId === week.id}
            compact
            onChange={(on) => props.onAlert(week, on)}
          />
        ),
      },
      { header: 'Published', cell: (week) => (week.publishedAt ? formatDateTime(week.publishedAt) : 'Not yet') },
      {
        header: 'Edit',
        cell: (week) => (
          <button type="button" class="link-button" aria-label={`Edit ${week.employee.name}, ${formatWeek(week.weekStart, true)}`} onClick={() => props.onEdit(week)}>
            Edit
          </button>
        ),
      },
    ]}
    rows={props.weeks}
  />
);
