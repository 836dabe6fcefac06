import { useAction } from '@solidjs/router';
import { Match, Show, Switch, createResource, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { ErrorNotice, Loading } from '../../components/status';
import { fieldError } from '../../lib/graphql';
import { fetchPublishPreview, publishSchedule, type PublishAudience, type PublishResult } from './schedules.data';
import { formatWeek, mondayOf } from './week-dates.util';

const employees = (n: number) => (n === 1 ? '1 employee' : `${n.toLocaleString('en-US')} employees`);

// E6/C3: publishes a week's schedules after showing who would be texted (only those
// whose shifts changed, or everyone with shifts); the idempotency key lives until
// the dialog closes, so a retry texts nobody twice.
export const PublishDialog: Component<{ open: boolean; defaultWeek: string; onClose: () => void }> = (props) => {
  const publish = useAction(publishSchedule);
  const [weekStart, setWeekStart] = createSignal('');
  const [audience, setAudience] = createSignal<PublishAudience>('CHANGED');
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  const [result, setResult] = createSignal<PublishResult | null>(null);
  let idempotencyKey = crypto.randomUUID();
  const week = () => weekStart() || props.defaultWeek;
  // Counted by the server for the chosen week each time it changes (read by state: no page suspense).
  const [preview, { refetch }] = createResource(week, fetchPublishPreview);
  const counts = () => (preview.state === 'ready' ? preview() : undefined);
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
      setResult(await publish(week(), audience(), idempotencyKey));
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
            <Field
              label="Week to publish (any day; its Monday is used)"
              type="date"
              value={week()}
              onChange={(event) => {
                setWeekStart(mondayOf(event.currentTarget.value));
                // A new week is a new request.
                idempotencyKey = crypto.randomUUID();
              }}
              error={fieldError(error(), 'weekStart')}
            />
            <Switch fallback={<Loading label="Counting who would be texted…" />}>
              <Match when={preview.state === 'errored'}>
                <ErrorNotice error={preview.error} retry={() => void refetch()} />
              </Match>
              <Match when={counts()}>
                {(counted) => (
                  <fieldset class="publish-audience">
                    <legend>Who gets a text (if they opted in and have a phone)</legend>
                    <label>
                      <input type="radio" name="publish-audience" value="CHANGED" checked={audience() === 'CHANGED'} onChange={() => setAudience('CHANGED')} />
                      Only those whose shifts changed since the last publish: <strong>{employees(counted().changed)}</strong>
                    </label>
                    <label>
                      <input type="radio" name="publish-audience" value="EVERYONE" checked={audience() === 'EVERYONE'} onChange={() => setAudience('EVERYONE')} />
                      Everyone with shifts that week, changed or not: <strong>{employees(counted().everyone)}</strong>
                    </label>
                    <Show when={audience() === 'CHANGED' && counted().changed === 0 && counted().everyone > 0}>
                      <p class="hint">No one's shifts changed: publishing now texts nobody.</p>
                    </Show>
                  </fieldset>
                )}
              </Match>
            </Switch>
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
              {published().messagesQueued === 1 ? '1 text' : `${published().messagesQueued} texts`} recorded (each still passes the send rules)
              {published().employeesUnchanged > 0 ? `; ${employees(published().employeesUnchanged)} with unchanged shifts not texted` : ''}.
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
