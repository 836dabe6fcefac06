import { useAction } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { ConsentNoteField } from '../../components/consent-note-field';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { setEmployeeSmsOptIn, type EmployeeRow } from './team.data';

// E2: switching one employee's opt-in on asks how consent was obtained, as bulk does; the statement goes on the consent record.
export const OptInGrantDialog: Component<{ employee: EmployeeRow; onClose: () => void; onDone: (message: string) => void }> = (props) => {
  const grant = useAction(setEmployeeSmsOptIn);
  const [statement, setStatement] = createSignal('');
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const text = statement().trim();
    // The server refuses an empty statement too; saying it here spares a round trip.
    if (!text) {
      setError(new ApiError('Say how consent was obtained.', 'BAD_USER_INPUT', 'attestation'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await grant(props.employee.id, true, text);
      props.onDone(`${props.employee.name} is opted in to SMS.`);
      props.onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open title={`Opt ${props.employee.name} in to SMS`} onClose={props.onClose}>
      <form onSubmit={submit} novalidate>
        <p>Only opt in someone who agreed to receive texts. A consent record (source Admin) keeps who did this and your statement.</p>
        <ConsentNoteField
          label="How was consent obtained?"
          required
          maxlength={2000}
          value={statement()}
          onInput={(event) => setStatement(event.currentTarget.value)}
          hint="e.g. “Agreed in person at the morning briefing, 2 March.”"
          error={fieldError(error(), 'attestation')}
        />
        <Show when={error() && !fieldError(error(), 'attestation')}>
          <ErrorNotice error={error()} />
        </Show>
        <div class="actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={pending()}>
            {pending() ? 'Working…' : 'Opt in'}
          </button>
        </div>
      </form>
    </Dialog>
  );
};
