import { For, Show, type Component } from 'solid-js';
import { Toggle } from '../../components/toggle';
import { formatDateTime } from '../../lib/format';
import type { ScheduleWeekRow } from './schedules.data';
import { formatWeek } from './week-dates.util';

const shiftTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** Schedule weeks with their shifts, the E4 Send SMS Alert switch and an edit button. */
export const ScheduleWeekTable: Component<{
  weeks: ScheduleWeekRow[];
  busyId: string | null;
  onAlert: (week: ScheduleWeekRow, enabled: boolean) => void;
  onEdit: (week: ScheduleWeekRow) => void;
}> = (props) => (
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
        <For each={props.weeks}>
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
                  busy={props.busyId === week.id}
                  onChange={(on) => props.onAlert(week, on)}
                />
              </td>
              <td>{week.publishedAt ? formatDateTime(week.publishedAt) : 'Not yet'}</td>
              <td>
                <button type="button" class="link-button" aria-label={`Edit ${week.employee.name}, ${formatWeek(week.weekStart, true)}`} onClick={() => props.onEdit(week)}>
                  Edit
                </button>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  </div>
);
