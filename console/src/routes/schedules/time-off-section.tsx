import { createAsync, useAction } from '@solidjs/router';
import { For, Show, createSignal, type Component } from 'solid-js';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { ErrorNotice } from '../../components/status';
import { formatDateTime, humanize } from '../../lib/format';
import { decideTimeOff, fetchTimeOff, getTimeOff, type TimeOffRow } from './schedules.data';

/** Time-off requests by status, with approve and deny for the pending ones. */
export const TimeOffSection: Component = () => {
  const [status, setStatus] = createSignal<TimeOffRow['status'] | ''>('PENDING');
  const firstPage = createAsync(() => getTimeOff(status()));
  const list = createKeysetList(firstPage, (after) => fetchTimeOff(status(), after));
  const decide = useAction(decideTimeOff);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const run = async (request: TimeOffRow, approved: boolean) => {
    setBusy(request.id);
    setError(null);
    try {
      await decide(request.id, approved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="panel" aria-labelledby="time-off-title">
      <h2 id="time-off-title">Time-off requests</h2>
      <div class="filters">
        <div class="field">
          <label for="time-off-status">Status</label>
          <select id="time-off-status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as TimeOffRow['status'] | '')}>
            <option value="PENDING">Pending</option>
            <option value="APPROVED">Approved</option>
            <option value="DENIED">Denied</option>
            <option value="">All</option>
          </select>
        </div>
      </div>
      <p class="hint">Deciding a request texts the employee the answer.</p>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
      <Show when={list.items().length > 0} fallback={<p class="empty">No {status() ? humanize(status()).toLowerCase() : ''} time-off requests.</p>}>
        <div class="table-wrap">
          <table aria-label="Time-off requests">
            <thead>
              <tr>
                <th scope="col">Employee</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Reason</th>
                <th scope="col">Status</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              <For each={list.items()}>
                {(request) => (
                  <tr>
                    <td>{request.employee.name}</td>
                    <td>{request.startsOn}</td>
                    <td>{request.endsOn}</td>
                    <td>{request.reason ?? '—'}</td>
                    <td>
                      <span class={`badge badge-${request.status.toLowerCase()}`}>{humanize(request.status)}</span>
                    </td>
                    <td>
                      <Show
                        when={request.status === 'PENDING'}
                        fallback={<span class="hint">{request.decidedBy ? `${request.decidedBy}, ${formatDateTime(request.decidedAt)}` : formatDateTime(request.decidedAt)}</span>}
                      >
                        <div class="actions schedules-decide">
                          <button type="button" disabled={busy() === request.id} aria-label={`Approve time off for ${request.employee.name}`} onClick={() => void run(request, true)}>
                            Approve
                          </button>
                          <button type="button" class="danger" disabled={busy() === request.id} aria-label={`Deny time off for ${request.employee.name}`} onClick={() => void run(request, false)}>
                            Deny
                          </button>
                        </div>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <LoadMore list={list} />
    </section>
  );
};
