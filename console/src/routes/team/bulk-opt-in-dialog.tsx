import { useAction } from '@solidjs/router';
import { Match, Show, Switch, createResource, createSignal, type Component } from 'solid-js';
import { ConsentNoteField } from '../../components/consent-note-field';
import { Dialog } from '../../components/dialog';
import { ErrorNotice, Loading } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { employeeCount } from './employee-count.util';
import { bulkSetEmployeeSmsOptIn, fetchBulkPreview, type BulkPreview, type BulkResult, type BulkScope } from './team.data';

/** One bulk SMS opt-in or opt-out the ADMIN asked for. */
export interface BulkRequest {
  optIn: boolean;
  scope: BulkScope;
  /** How many the selection holds, until the server's count arrives. */
  count: number;
  description: string;
}

// E2/E5 in bulk: previews the change, asks how consent was obtained, then shows what changed.
export const BulkOptInDialog: Component<{ request: BulkRequest | null; onClose: () => void; onDone: () => void }> = (props) => {
  const run = useAction(bulkSetEmployeeSmsOptIn);
  const [attestation, setAttestation] = createSignal('');
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  const [result, setResult] = createSignal<BulkResult | null>(null);
  // Counted by the server for this scope and direction each time the dialog
  // opens, exactly as the change will count (read by state: no page suspense).
  const [preview, { refetch }] = createResource(() => props.request, (request) => fetchBulkPreview(request.scope, request.optIn));
  const counts = (): BulkPreview | undefined => (preview.state === 'ready' ? preview() : undefined);
  const verb = () => (props.request?.optIn ? 'Opt in' : 'Opt out');
  const done = () => (props.request?.optIn ? 'opted in' : 'opted out');
  const close = () => {
    if (result()) props.onDone();
    setError(null);
    setResult(null);
    setAttestation('');
    props.onClose();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const request = props.request;
    if (!request || !counts()) return;
    const text = attestation().trim();
    // The server checks this too; saying it here spares a round trip.
    if (text.length < 10) {
      setError(new ApiError('Say how consent was obtained (at least 10 characters).', 'BAD_USER_INPUT', 'attestation'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      setResult(await run(request.scope, request.optIn, text));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog
      open={Boolean(props.request)}
      title={result() ? `${verb()}: done` : `${verb()} ${employeeCount(counts()?.matched ?? props.request?.count ?? 0)}?`}
      onClose={close}
    >
      <Show
        when={result()}
        fallback={
          <form onSubmit={submit} novalidate>
            <p>{props.request?.description}</p>
            <Switch fallback={<Loading label="Counting who this would change…" />}>
              <Match when={preview.state === 'errored'}>
                <ErrorNotice error={preview.error} retry={() => void refetch()} />
              </Match>
              <Match when={counts()}>
                {(counted) => (
                  <>
                    <ul aria-label="What this would change">
                      <li>
                        <strong>{employeeCount(counted().changed)}</strong> will be {done()}.
                      </li>
                      <li>
                        {employeeCount(counted().unchanged)} already {done()} (no change).
                      </li>
                      <Show when={props.request?.optIn}>
                        <li>{employeeCount(counted().skippedNoPhone)} without a phone number will be skipped.</li>
                      </Show>
                    </ul>
                    <Show when={counted().changed === 0}>
                      <p class="hint">Nothing to change: no one in this selection would be {done()}.</p>
                    </Show>
                  </>
                )}
              </Match>
            </Switch>
            <p class="hint">Each change writes a consent record (source Bulk) with your statement below.</p>
            <ConsentNoteField
              label="How was consent obtained?"
              required
              minlength={10}
              maxlength={2000}
              value={attestation()}
              onInput={(event) => setAttestation(event.currentTarget.value)}
              hint="10 to 2,000 characters, e.g. “Signed SMS consent forms collected at onboarding, March 2026.”"
              error={fieldError(error(), 'attestation')}
            />
            <Show when={error() && !fieldError(error(), 'attestation')}>
              <ErrorNotice error={error()} />
            </Show>
            <div class="actions">
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" class={props.request?.optIn ? 'primary' : 'danger'} disabled={pending() || !counts()?.changed}>
                {pending() ? 'Working…' : counts() ? `${verb()} ${employeeCount(counts()!.changed)}` : verb()}
              </button>
            </div>
          </form>
        }
      >
        {(outcome) => (
          <>
            <dl class="facts" role="status" aria-label="Bulk result">
              <dt>Changed</dt>
              <dd>{outcome().changed}</dd>
              <dt>Unchanged</dt>
              <dd>{outcome().unchanged}</dd>
              <dt>Skipped, no phone</dt>
              <dd>{outcome().skippedNoPhone}</dd>
              <dt>Weeks whose Send SMS Alert turned on</dt>
              <dd>{outcome().weeksAlertEnabled}</dd>
            </dl>
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
