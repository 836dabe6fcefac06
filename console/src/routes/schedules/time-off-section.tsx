import { createAsync, useAction } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
import { FilterBar, FilterChoice } from '../../components/filter-bar';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { ErrorNotice } from '../../components/status';
import { formatDateTime, humanize } from '../../lib/format';
import type { TimeOffStatus } from '../../gql/graphql';
import { decideTimeOff, fetchTimeOff, getTimeOff, type TimeOffRow } from './schedules.data';

/** Time-off requests by status, with approve and deny for the pending ones. */
export const TimeOffSection: Component = () => {
  const [status, setStatus] = createSignal<TimeOffStatus | ''>('PENDING');
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
      <FilterBar label="Filter time-off requests">
        <FilterChoice
          id="time-off-status"
          label="Status"
          value={status()}
          options={[...(['PENDING', 'APPROVED', 'DENIED'] as const), { value: '', label: 'All' }]}
          any={false}
          onChange={(value) => setStatus(value as TimeOffStatus | '')}
        />
      </FilterBar>
      <p class="hint">Deciding a request texts the employee the answer.</p>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
      <Show when={list.items().length > 0} fallback={<p class="empty">No {status() ? humanize(status()).toLowerCase() : ''} time-off requests.</p>}>
        <DataTable
          label="Time-off requests"
          columns={[
            { header: 'Employee', cell: (request) => request.employee.name },
            { header: 'From', cell: (request) => request.startsOn },
            { header: 'To', cell: (request) => request.endsOn },
            { header: 'Reason', cell: (request) => request.reason ?? '—' },
            { header: 'Status', cell: (request) => <span class={`badge badge-${request.status.toLowerCase()}`}>{humanize(request.status)}</span> },
            {
              header: 'Decision',
              cell: (request) => (
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
              ),
            },
          ]}
          rows={list.items()}
        />
      </Show>
      <LoadMore list={list} />
    </section>
  );
};
