import { useAction } from '@solidjs/router';
import { For, Match, Show, Switch, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/status';
import { fieldError } from '../../lib/graphql';
import { formatDateTime, toLocalInput } from '../../lib/format';
import { DAY_OF_UPDATES, cancelSession, rescheduleSession, sendDayOfUpdate, type DayOfUpdate, type StudySession } from './study.data';

/** Which session dialog is open, for which session; null when none is. */
export type SessionDialog = { kind: 'reschedule' | 'cancel' | 'dayOf'; session: StudySession } | null;

const texts = (count: number): string => (count === 1 ? '1 text' : `${count} texts`);

// S5/S6: reschedule, cancel or send a day-of update to everyone booked on a session.
export const SessionDialogs: Component<{ dialog: SessionDialog; onClose: () => void; onDone: (message: string) => void }> = (props) => {
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
  // What the field shows is what is sent: the session's own start until it is edited.
  const newStart = () => startsAt() || (props.dialog ? toLocalInput(new Date(props.dialog.session.startsAt)) : '');
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
                  void run(async () => `Rescheduled: ${texts((await reschedule(dialog().session.id, newStart())).messagesQueued)} recorded for booked participants.`);
                }}
              >
                <p>Everyone booked ({booked()}) gets a schedule-change text, and their reminder moves to the new time.</p>
                <Field label="New start (your time)" type="datetime-local" required value={newStart()} onInput={(event) => setStartsAt(event.currentTarget.value)} error={fieldError(error(), 'startsAt')} />
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
