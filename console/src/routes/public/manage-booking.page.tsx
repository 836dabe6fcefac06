import { createAsync, useAction, useParams } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/status';
import { SelectField } from '../../components/select-field';
import { formatDateTime, formatDateTimeIn, timeZoneNames, viewerTimeZone } from '../../lib/format';
import { cancelBooking, getManagedBooking, removeBookingPhone, setBookingTimeZone, type ManagedBooking } from './manage-booking.data';
import { fieldError } from '../../lib/graphql';
import { PublicFrame } from './public-frame';

type Confirming = 'removePhone' | 'cancel' | null;

const BookingNotFound: Component = () => (
  <section class="public-card" aria-labelledby="missing-title">
    <h1 id="missing-title">Booking not found</h1>
    <p>This link does not match a booking. Check that you opened the whole link from your text or email.</p>
  </section>
);

const BookingView: Component<{ token: string; booking: ManagedBooking }> = (props) => {
  const removePhone = useAction(removeBookingPhone);
  const cancel = useAction(cancelBooking);
  const [confirming, setConfirming] = createSignal<Confirming>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const setZone = useAction(setBookingTimeZone);
  const [zoneSaved, setZoneSaved] = createSignal(false);
  const [zoneError, setZoneError] = createSignal<unknown>(null);
  const cancelled = () => props.booking.status === 'CANCELLED';
  const sessionCancelled = () => props.booking.sessionStatus === 'CANCELLED';

  const run = async () => {
    const what = confirming();
    setPending(true);
    setError(null);
    try {
      if (what === 'removePhone') {
        await removePhone(props.token);
        setDone('Your phone number is removed. We will not text you about this booking.');
      } else {
        await cancel(props.token);
        setDone('Your booking is cancelled.');
      }
      setConfirming(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="public-card" aria-labelledby="booking-title">
      <h1 id="booking-title">Your booking</h1>
      <Show when={done()}>
        <p class="notice" role="status">
          {done()}
        </p>
      </Show>
      <Show when={cancelled()}>
        <p class="notice">This booking is cancelled{props.booking.cancelledAt ? ` (since ${formatDateTime(props.booking.cancelledAt)})` : ''}. There is nothing more to do here.</p>
      </Show>
      <Show when={!cancelled() && sessionCancelled()}>
        <p class="notice">The researchers cancelled this session. You do not need to do anything.</p>
      </Show>
      <dl class="facts">
        <dt>Study</dt>
        <dd>{props.booking.studyName}</dd>
        <dt>When</dt>
        <dd>
          {formatDateTimeIn(props.booking.startsAt, props.booking.sessionTimeZone)} ({props.booking.sessionTimeZone}), {props.booking.durationMinutes} min
          <Show when={props.booking.sessionTimeZone !== viewerTimeZone()}>
            <br />
            {formatDateTime(props.booking.startsAt)} in your browser's zone ({viewerTimeZone()})
          </Show>
        </dd>
        <dt>Where</dt>
        <dd>{props.booking.location ?? 'To be confirmed'}</dd>
        <dt>Status</dt>
        <dd>{cancelled() ? 'Cancelled' : sessionCancelled() ? 'Session cancelled' : 'Booked'}</dd>
        <dt>Phone</dt>
        <dd>{props.booking.hasPhone ? `Ends in ${props.booking.phoneLastDigits ?? '…'}` : 'None on file'}</dd>
        <dt>Text messages</dt>
        <dd>{props.booking.smsConsent ? 'You agreed to texts about this booking' : 'No texts'}</dd>
      </dl>
      <form
        class="zone-form"
        onSubmit={(event) => {
          event.preventDefault();
          const zone = String(new FormData(event.currentTarget).get('timeZone') ?? '');
          setZoneSaved(false);
          setZoneError(null);
          setZone(props.token, zone).then(() => setZoneSaved(true), setZoneError);
        }}
      >
        <SelectField
          label="Your time zone for texts"
          name="timeZone"
          value={props.booking.timeZone}
          options={timeZoneNames().map((zone) => ({ value: zone, label: zone }))}
          hint="Times in your texts are written in this zone."
          error={fieldError(zoneError(), 'timeZone')}
        />
        <div class="actions">
          <Show when={zoneSaved()}>
            <span role="status">Saved.</span>
          </Show>
          <button type="submit">Save time zone</button>
        </div>
      </form>
      <Show when={!cancelled()}>
        <div class="actions">
          <Show when={props.booking.hasPhone}>
            <button type="button" onClick={() => setConfirming('removePhone')}>
              Remove my phone number
            </button>
          </Show>
          <Show when={!sessionCancelled()}>
            <button type="button" class="danger" onClick={() => setConfirming('cancel')}>
              Cancel my booking
            </button>
          </Show>
        </div>
      </Show>
      <Dialog
        open={confirming() !== null}
        title={confirming() === 'removePhone' ? 'Remove your phone number?' : 'Cancel your booking?'}
        onClose={() => {
          setError(null);
          setConfirming(null);
        }}
      >
        <p>
          {confirming() === 'removePhone'
            ? 'We will delete your number from this booking and stop texting you. You can still attend.'
            : 'Your place will be released. This cannot be undone from this page.'}
        </p>
        <Show when={error()}>
          <ErrorNotice error={error()} />
        </Show>
        <div class="actions">
          <button type="button" onClick={() => setConfirming(null)}>
            Go back
          </button>
          <button type="button" class="danger" disabled={pending()} onClick={() => void run()}>
            {confirming() === 'removePhone' ? 'Yes, remove my number' : 'Yes, cancel my booking'}
          </button>
        </div>
      </Dialog>
    </section>
  );
};

const ManageBookingPage: Component = () => {
  const params = useParams<{ token: string }>();
  const booking = createAsync(() => getManagedBooking(params.token));
  const [heading, setHeading] = createSignal('Your booking');
  return (
    <PublicFrame heading={heading()} notFound={<BookingNotFound />}>
      <Show when={booking()}>
        {(loaded) => {
          setHeading(loaded().studyName);
          return <BookingView token={params.token} booking={loaded()} />;
        }}
      </Show>
    </PublicFrame>
  );
};

export default ManageBookingPage;
