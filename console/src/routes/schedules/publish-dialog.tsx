import { useAction } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/status';
import { fieldError } from '../../lib/graphql';
import { publishSchedule, type PublishResult } from './schedules.data';
import { formatWeek, mondayOf } from './week-dates.util';

// E6: publishes a week's schedules; the idempotency key lives until the dialog closes, so a retry texts nobody twice.
export const PublishDialog: Component<{ open: boolean; defaultWeek: string; onClose: () => void }> = (props) => {
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
        {(published) => (
          <>
            <p role="status">
              Published {published().weeksPublished === 1 ? '1 schedule' : `${published().weeksPublished} schedules`};{' '}
              {published().messagesQueued === 1 ? '1 text' : `${published().messagesQueued} texts`} recorded (each still passes the send rules).
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
