import { A, createAsync, useAction, useParams, useSubmission } from '@solidjs/router';
import { For, Match, Show, Switch, createEffect, createSignal, on, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Page } from '../../components/page';
import { ErrorNotice } from '../../components/status';
import { Toggle } from '../../components/toggle';
import { ApiError, fieldError } from '../../lib/graphql';
import { formatDateTime, humanize, toLocalInput } from '../../lib/format';
import { BookingMessages } from './booking-messages';
import {
  DAY_OF_UPDATES,
  cancelSession,
  createSession,
  getBookingMessages,
  getStudy,
  rescheduleSession,
  sendDayOfUpdate,
  setStudySmsReminders,
  type DayOfUpdate,
  type StudyBooking,
  type StudyDetail,
  type StudySession,
} from './study.data';
import './studies.css';

type SessionDialog = { kind: 'reschedule' | 'cancel' | 'dayOf'; session: StudySession } | null;

const tomorrowAtTen = (): string => {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(10, 0, 0, 0);
  return toLocalInput(date);
};

const texts = (count: number): string => (count === 1 ? '1 text' : `${count} texts`);

const InviteLink: Component<{ url: string }> = (props) => {
  const [copied, setCopied] = createSignal<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied('Invite link copied.');
    } catch {
      setCopied('Copying failed: select the link and copy it by hand.');
    }
  };
  return (
    <section class="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite link</h2>
      <p class="hint">Share it with participants: it opens the public signup page for this study.</p>
      <div class="study-invite">
        <p class="secret" id="invite-url">
          {props.url}
        </p>
        <button type="button" onClick={() => void copy()} aria-describedby="invite-url">
          Copy invite link
        </button>
      </div>
      <p role="status" class="hint">
        {copied() ?? ''}
      </p>
    </section>
  );
};

const BookingRow: Component<{ booking: StudyBooking }> = (props) => {
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

const SessionCard: Component<{ session: StudySession; onChange: (dialog: SessionDialog) => void }> = (props) => {
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

const NewSessionForm: Component<{ studyId: string }> = (props) => {
  const creating = useSubmission(createSession);
  // One key per new session: a double submit adds it once; a saved one frees the form for the next.
  const [key, setKey] = createSignal(crypto.randomUUID());
  createEffect(on(() => creating.result, (id) => id && setKey(crypto.randomUUID()), { defer: true }));
  return (
    <section class="panel" aria-labelledby="new-session">
      <h2 id="new-session">New session</h2>
      <form action={createSession} method="post">
        <input type="hidden" name="studyId" value={props.studyId} />
        <input type="hidden" name="idempotencyKey" value={key()} />
        <div class="study-form-row">
          <Field label="Starts at (your time)" name="startsAt" type="datetime-local" required value={tomorrowAtTen()} error={fieldError(creating.error, 'startsAt')} />
          <Field label="Duration (minutes)" name="durationMinutes" type="number" min={5} max={480} required value="30" error={fieldError(creating.error, 'durationMinutes')} />
          <Field label="Location" name="location" type="text" hint="A room, an address or a video link" error={fieldError(creating.error, 'location')} />
        </div>
        <Show when={creating.error && !(creating.error instanceof ApiError && creating.error.field)}>
          <ErrorNotice error={creating.error} />
        </Show>
        <button type="submit" class="primary" disabled={creating.pending}>
          {creating.pending ? 'Adding…' : 'Add session'}
        </button>
      </form>
    </section>
  );
};

const SessionDialogs: Component<{ dialog: SessionDialog; onClose: () => void; onDone: (message: string) => void }> = (props) => {
  const reschedule = useAction(rescheduleSession);
  const cancel = useAction(cancelSession);
  const dayOf = useAction(sendDayOfUpdate);
  const [startsAt, setStartsAt] = createSignal('');
  const [update, setUpdate] = createSignal<DayOfUpdate>('RUNNING_LATE');
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  let dayOfKey = crypto.randomUUID();

  const close = () => {
    setError(null);
    setStartsAt('');
    props.onClose();
  };
  const run = async (work: () => Promise<string>) => {
    setPending(true);
    setError(null);
    try {
      const message = await work();
      close();
      props.onDone(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const title = () => {
    const dialog = props.dialog;
    if (!dialog) return '';
    const when = formatDateTime(dialog.session.startsAt);
    return { reschedule: `Reschedule the session of ${when}`, cancel: `Cancel the session of ${when}?`, dayOf: `Day-of update for ${when}` }[dialog.kind];
  };
  const booked = () => props.dialog?.session.bookings.filter((b) => b.status === 'BOOKED').length ?? 0;

  return (
    <Dialog open={Boolean(props.dialog)} title={title()} onClose={close}>
      <Show when={props.dialog}>
        {(dialog) => (
          <Switch>
            <Match when={dialog().kind === 'reschedule'}>
              <form
                novalidate
                onSubmit={(event) => {
                  event.preventDefault();
                  void run(async () => `Rescheduled: ${texts((await reschedule(dialog().session.id, startsAt())).messagesQueued)} recorded for booked participants.`);
                }}
              >
                <p>Everyone booked ({booked()}) gets a schedule-change text, and their reminder moves to the new time.</p>
                <Field label="New start (your time)" type="datetime-local" required value={startsAt() || toLocalInput(new Date(dialog().session.startsAt))} onInput={(event) => setStartsAt(event.currentTarget.value)} error={fieldError(error(), 'startsAt')} />
                <Show when={error() && !fieldError(error(), 'startsAt')}>
                  <ErrorNotice error={error()} />
                </Show>
                <div class="actions">
                  <button type="button" onClick={close}>
                    Keep the time
                  </button>
                  <button type="submit" class="primary" disabled={pending()}>
                    Reschedule
                  </button>
                </div>
              </form>
            </Match>
            <Match when={dialog().kind === 'cancel'}>
              <p>Everyone booked ({booked()}) gets a cancellation text and no reminder. This cannot be undone.</p>
              <Show when={error()}>
                <ErrorNotice error={error()} />
              </Show>
              <div class="actions">
                <button type="button" onClick={close}>
                  Keep the session
                </button>
                <button
                  type="button"
                  class="danger"
                  disabled={pending()}
                  onClick={() => void run(async () => `Session cancelled: ${texts((await cancel(dialog().session.id)).messagesQueued)} recorded.`)}
                >
                  Cancel session
                </button>
              </div>
            </Match>
            <Match when={dialog().kind === 'dayOf'}>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void run(async () => {
                    const change = await dayOf(dialog().session.id, update(), dayOfKey);
                    dayOfKey = crypto.randomUUID();
                    return `Day-of update sent: ${texts(change.messagesQueued)} recorded.`;
                  });
                }}
              >
                <fieldset>
                  <legend>Which update? Texts are fixed and go to everyone booked ({booked()}).</legend>
                  <For each={DAY_OF_UPDATES}>
                    {(choice) => (
                      <label class="checkbox">
                        <input type="radio" name="update" value={choice.value} checked={update() === choice.value} onChange={() => setUpdate(choice.value)} />
                        {choice.label}
                      </label>
                    )}
                  </For>
                </fieldset>
                <Show when={error()}>
                  <ErrorNotice error={error()} />
                </Show>
                <div class="actions">
                  <button type="button" onClick={close}>
                    Close
                  </button>
                  <button type="submit" class="primary" disabled={pending()}>
                    Send update
                  </button>
                </div>
              </form>
            </Match>
          </Switch>
        )}
      </Show>
    </Dialog>
  );
};

const StudyView: Component<{ study: StudyDetail }> = (props) => {
  const setReminders = useAction(setStudySmsReminders);
  const [busy, setBusy] = createSignal(false);
  const [toggleError, setToggleError] = createSignal<unknown>(null);
  const [dialog, setDialog] = createSignal<SessionDialog>(null);
  const [done, setDone] = createSignal<string | null>(null);

  const toggleReminders = async (enabled: boolean) => {
    setBusy(true);
    setToggleError(null);
    try {
      await setReminders(props.study.id, enabled);
    } catch (failure) {
      setToggleError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="panel" aria-labelledby="reminders-title">
        <h2 id="reminders-title">Interview Reminder SMS</h2>
        <Toggle label="Interview Reminder SMS" checked={props.study.smsRemindersEnabled} busy={busy()} onChange={(on) => void toggleReminders(on)} />
        <p class="hint">
          On: booked participants who consented get a text 15 minutes before their session. Off: this study's texts are held back (logged as skipped,
          “Study SMS disabled”). Workspace SMS must also be on.
        </p>
        <Show when={toggleError()}>
          <ErrorNotice error={toggleError()} />
        </Show>
      </section>
      <InviteLink url={props.study.inviteUrl} />
      <NewSessionForm studyId={props.study.id} />
      <h2>Sessions</h2>
      <Show when={done()}>
        <p class="notice" role="status">
          {done()}
        </p>
      </Show>
      <Show when={props.study.sessions.length > 0} fallback={<p class="empty">No sessions yet. Add one above, then share the invite link.</p>}>
        <ul class="study-sessions">
          <For each={props.study.sessions}>{(session) => <SessionCard session={session} onChange={setDialog} />}</For>
        </ul>
      </Show>
      <SessionDialogs dialog={dialog()} onClose={() => setDialog(null)} onDone={setDone} />
    </>
  );
};

const StudyPage: Component = () => {
  const params = useParams<{ id: string }>();
  const study = createAsync(() => getStudy(params.id));
  return (
    <Page title={study()?.name ?? 'Study'} actions={<A href="/studies">All studies</A>}>
      <Show when={study()}>{(loaded) => <StudyView study={loaded()} />}</Show>
    </Page>
  );
};

export default StudyPage;
