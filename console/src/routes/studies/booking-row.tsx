import { A, createAsync } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { formatDateTime, humanize } from '../../lib/format';
import { BookingMessages } from './booking-messages';
import { getBookingMessages, type StudyBooking } from './study.data';

/** One booking in a session's table; its message history loads when opened. */
export const BookingRow: Component<{ booking: StudyBooking }> = (props) => {
  const [open, setOpen] = createSignal(false);
  const messages = createAsync(() => (open() ? getBookingMessages(props.booking.id) : Promise.resolve(undefined)));
  const panelId = `messages-${props.booking.id}`;
  return (
    <>
      <tr>
        <td>
          <A href={`/participants/${props.booking.participant.id}`}>{props.booking.participant.name}</A>
          <div class="hint">{props.booking.participant.email}</div>
        </td>
        <td>{props.booking.participant.phone ?? 'No phone'}</td>
        <td>
          <span class={`badge badge-${props.booking.participant.smsConsent ? 'granted' : 'revoked'}`}>
            {props.booking.participant.smsConsent ? 'Consented' : 'No consent'}
          </span>
        </td>
        <td>
          <span class={`badge badge-${props.booking.status.toLowerCase()}`}>{humanize(props.booking.status)}</span>
        </td>
        <td>{formatDateTime(props.booking.createdAt)}</td>
        <td>
          <button
            type="button"
            class="link-button"
            aria-expanded={open()}
            aria-controls={panelId}
            aria-label={`Messages for ${props.booking.participant.name}`}
            onClick={() => setOpen(!open())}
          >
            {open() ? 'Hide messages' : 'Messages'}
          </button>
        </td>
      </tr>
      <Show when={open()}>
        <tr id={panelId}>
          <td colSpan={6} class="study-messages">
            <BookingMessages entries={messages()} label={`Messages for ${props.booking.participant.name}`} />
          </td>
        </tr>
      </Show>
    </>
  );
};
