import { createAsync, useAction, useParams } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/status';
import { SelectField } from '../../components/select-field';
import { formatDateTime, formatDateTimeIn, timeZoneNames, viewerTimeZone } from '../../lib/format';
import { cancelBooking, getManagedBooking, removeBookingPhone, setBookingTimeZone, type ManagedBooking } from './manage-booking.data';
import { fieldError } from '../../lib/graphql';
import { manageBookingWords, type ManageBookingWords } from './manage-booking.words';
import { PublicFrame } from './public-frame';

type Confirming = 'removePhone' | 'cancel' | null;

// An unknown link says nothing of whose it is, so in English.
const BookingNotFound: Component = () => {
  const t = manageBookingWords(null);
  return (
    <section class="public-card" aria-labelledby="missing-title">
      <h1 id="missing-title">{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
    </section>
  );
};

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
  const t: ManageBookingWords = manageBookingWords(props.booking.language);

  const run = async () => {
    const what = confirming();
    setPending(true);
    setError(null);
    try {
      if (what === 'removePhone') {
        await removePhone(props.token);
        setDone(t.phoneRemoved);
      } else {
        await cancel(props.token);
        setDone(t.bookingCancelled);
      }
      setConfirming(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="public-card" aria-labelledby="booking-title" lang={t.lang}>
      <h1 id="booking-title">{t.title}</h1>
      <Show when={done()}>
        <p class="notice" role="status">
          {done()}
        </p>
      </Show>
      <Show when={cancelled()}>
        <p class="notice">{t.cancelledSince(props.booking.cancelledAt ? formatDateTime(props.booking.cancelledAt, t.locale) : null)}</p>
      </Show>
      <Show when={!cancelled() && sessionCancelled()}>
        <p class="notice">{t.sessionCancelledNotice}</p>
      </Show>
      <dl class="facts">
        <dt>{t.study}</dt>
        <dd>{props.booking.studyName}</dd>
        <dt>{t.when}</dt>
        <dd>
          {formatDateTimeIn(props.booking.startsAt, props.booking.sessionTimeZone, t.locale)} ({props.booking.sessionTimeZone}), {t.minutes(props.booking.durationMinutes)}
          <Show when={props.booking.sessionTimeZone !== viewerTimeZone()}>
            <br />
            {t.inYourZone(formatDateTime(props.booking.startsAt, t.locale), viewerTimeZone())}
          </Show>
        </dd>
        <dt>{t.where}</dt>
        <dd>{props.booking.location ?? t.toBeConfirmed}</dd>
        <dt>{t.status}</dt>
        <dd>{cancelled() ? t.statusCancelled : sessionCancelled() ? t.statusSessionCancelled : t.statusBooked}</dd>
        <dt>{t.phone}</dt>
        <dd>{props.booking.hasPhone ? t.phoneEndsIn(props.booking.phoneLastDigits ?? '…') : t.noPhone}</dd>
        <dt>{t.texts}</dt>
        <dd>{props.booking.smsConsent ? t.textsAgreed : t.noTexts}</dd>
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
          label={t.zoneLabel}
          name="timeZone"
          value={props.booking.timeZone}
          options={timeZoneNames().map((zone) => ({ value: zone, label: zone }))}
          hint={t.zoneHint}
          error={fieldError(zoneError(), 'timeZone')}
        />
        <div class="actions">
          <Show when={zoneSaved()}>
            <span role="status">{t.saved}</span>
          </Show>
          <button type="submit">{t.saveZone}</button>
        </div>
      </form>
      <Show when={!cancelled()}>
        <div class="actions">
          <Show when={props.booking.hasPhone}>
            <button type="button" onClick={() => setConfirming('removePhone')}>
              {t.removePhone}
            </button>
          </Show>
          <Show when={!sessionCancelled()}>
            <button type="button" class="danger" onClick={() => setConfirming('cancel')}>
              {t.cancel}
            </button>
          </Show>
        </div>
      </Show>
      <Dialog
        open={confirming() !== null}
        title={confirming() === 'removePhone' ? t.removePhoneTitle : t.cancelTitle}
        onClose={() => {
          setError(null);
          setConfirming(null);
        }}
      >
        <p>
          {confirming() === 'removePhone' ? t.removePhoneBody : t.cancelBody}
        </p>
        <Show when={error()}>
          <ErrorNotice error={error()} />
        </Show>
        <div class="actions">
          <button type="button" onClick={() => setConfirming(null)}>
            {t.goBack}
          </button>
          <button type="button" class="danger" disabled={pending()} onClick={() => void run()}>
            {confirming() === 'removePhone' ? t.confirmRemovePhone : t.confirmCancel}
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
