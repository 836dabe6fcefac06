import { useSubmission } from '@solidjs/router';
import { Show, createEffect, createSignal, on, type Component } from 'solid-js';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { toLocalInput } from '../../lib/format';
import { createSession } from './study.data';

const tomorrowAtTen = (): string => {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(10, 0, 0, 0);
  return toLocalInput(date);
};

// Errors on these show under their control; any other shows once, below the form.
const FIELDS = ['startsAt', 'durationMinutes', 'location'];

export const NewSessionForm: Component<{ studyId: string }> = (props) => {
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
        <Show when={creating.error && !(creating.error instanceof ApiError && FIELDS.includes(creating.error.field ?? ''))}>
          <ErrorNotice error={creating.error} />
        </Show>
        <button type="submit" class="primary" disabled={creating.pending}>
          {creating.pending ? 'Adding…' : 'Add session'}
        </button>
      </form>
    </section>
  );
};
