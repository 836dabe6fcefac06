import { useAction } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { LANGUAGE_OPTIONS, SelectField } from '../../components/select-field';
import { timeZoneNames } from '../../lib/format';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { upsertEmployee, type EmployeeInput, type EmployeeRow } from './team.data';

/** Adds an employee ('new') or edits one; null keeps it closed. */
export const EmployeeDialog: Component<{ employee: EmployeeRow | 'new' | null; onClose: () => void; onSaved: (message: string) => void }> = (props) => {
  const save = useAction(upsertEmployee);
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  const existing = () => (props.employee && props.employee !== 'new' ? props.employee : null);
  let idempotencyKey = crypto.randomUUID();
  const close = () => {
    setError(null);
    props.onClose();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const name = String(form.get('name') ?? '');
    setPending(true);
    setError(null);
    try {
      await save({
        ...(existing() ? { id: existing()!.id } : { idempotencyKey }),
        name,
        email: String(form.get('email') ?? ''),
        phone: String(form.get('phone') ?? ''),
        timeZone: String(form.get('timeZone') ?? ''),
        language: String(form.get('language') ?? '') as EmployeeInput['language'],
      });
      idempotencyKey = crypto.randomUUID();
      close();
      props.onSaved(existing() ? `Saved ${name}.` : `Added ${name}. SMS opt-in starts off until they agree.`);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  // Errors on a field show under it; anything else shows once, below the form.
  const otherError = () => {
    const failure = error();
    return failure && !(failure instanceof ApiError && ['name', 'email', 'phone', 'timeZone'].includes(failure.field ?? '')) ? failure : null;
  };
  return (
    <Dialog open={Boolean(props.employee)} title={existing() ? `Edit ${existing()!.name}` : 'Add an employee'} onClose={close}>
      <Show when={props.employee} keyed>
        <form onSubmit={submit} novalidate>
          <Field label="Name" name="name" type="text" required value={existing()?.name ?? ''} error={fieldError(error(), 'name')} />
          <Field label="Email" name="email" type="email" value={existing()?.email ?? ''} error={fieldError(error(), 'email')} />
          <Field
            label="Mobile number"
            name="phone"
            type="tel"
            value={existing()?.phone ?? ''}
            hint="Any format; saved as E.164. A new number is looked up for its carrier; an opted-in employee stays opted in and the new number gets the opt-in confirmation."
            error={fieldError(error(), 'phone')}
          />
          <SelectField
            label="Time zone"
            name="timeZone"
            value={existing()?.timeZone ?? ''}
            options={[{ value: '', label: "The workspace's" }, ...timeZoneNames().map((zone) => ({ value: zone, label: zone }))]}
            hint="Times in their texts are written in this zone."
            error={fieldError(error(), 'timeZone')}
          />
          <SelectField
            label="Language of texts"
            name="language"
            value={existing()?.language ?? ''}
            options={[{ value: '', label: "The workspace's" }, ...LANGUAGE_OPTIONS]}
          />
          <Show when={otherError()}>
            <ErrorNotice error={otherError()} />
          </Show>
          <div class="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={pending()}>
              {existing() ? 'Save' : 'Add employee'}
            </button>
          </div>
        </form>
      </Show>
    </Dialog>
  );
};
