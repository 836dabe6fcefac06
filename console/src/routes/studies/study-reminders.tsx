import { useAction } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { ErrorNotice } from '../../components/status';
import { Toggle } from '../../components/toggle';
import { setStudySmsReminders, type StudyDetail } from './study.data';

// S1: the study's Interview Reminder SMS switch.
export const StudyReminders: Component<{ study: StudyDetail }> = (props) => {
  const setReminders = useAction(setStudySmsReminders);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  const toggleReminders = async (enabled: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await setReminders(props.study.id, enabled);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Interview Reminder SMS</h2>
      <Toggle label="Interview Reminder SMS" checked={props.study.smsRemindersEnabled} busy={busy()} onChange={(enabled) => void toggleReminders(enabled)} />
      <p class="hint">
        On: booked participants who consented get a text 15 minutes before their session. Off: this study's texts are held back (logged as skipped,
        “Study SMS disabled”). Workspace SMS must also be on.
      </p>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
    </section>
  );
};
