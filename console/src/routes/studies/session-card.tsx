import { For, Show, type Component } from 'solid-js';
import { formatDateTime, humanize } from '../../lib/format';
import { BookingRow } from './booking-row';
import type { SessionDialog } from './session-dialogs';
import type { StudySession } from './study.data';

/** A session with its bookings and the buttons that open its dialogs. */
export const SessionCard: Component<{ session: StudySession; onChange: (dialog: SessionDialog) => void }> = (props) => {
  const cancelled = () => props.session.status === 'CANCELLED';
  const title = () => formatDateTime(props.session.startsAt);
  return (
    <li class="panel study-session" classList={{ cancelled: cancelled() }} aria-labelledby={`session-${props.session.id}`}>
      <div class="study-session-head">
        <h3 id={`session-${props.session.id}`}>
          {title()} · {props.session.durationMinutes} min{props.session.location ? ` · ${props.session.location}` : ''}
        </h3>
        <span class={`badge badge-${cancelled() ? 'cancelled' : 'scheduled'}`}>{humanize(props.session.status)}</span>
      </div>
      <Show when={!cancelled()}>
        <div class="actions" role="group" aria-label={`Session ${title()}`}>
          <button type="button" onClick={() => props.onChange({ kind: 'reschedule', session: props.session })}>
            Reschedule
          </button>
          <button type="button" onClick={() => props.onChange({ kind: 'dayOf', session: props.session })}>
            Send day-of update
          </button>
          <button type="button" class="danger" onClick={() => props.onChange({ kind: 'cancel', session: props.session })}>
            Cancel session
          </button>
        </div>
      </Show>
      <div class="study-bookings">
        <Show when={props.session.bookings.length > 0} fallback={<p class="empty">Nobody has booked this session yet.</p>}>
          <div class="table-wrap">
            <table aria-label={`Bookings for ${title()}`}>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  <th scope="col">Phone</th>
                  <th scope="col">SMS consent</th>
                  <th scope="col">Booking</th>
                  <th scope="col">Booked</th>
                  <th scope="col">Message history</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.session.bookings}>{(booking) => <BookingRow booking={booking} />}</For>
              </tbody>
            </table>
          </div>
        </Show>
      </div>
    </li>
  );
};
