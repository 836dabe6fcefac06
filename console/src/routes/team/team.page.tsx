import { createAsync, revalidate, useAction } from '@solidjs/router';
import { ErrorBoundary, For, Match, Show, Suspense, Switch, createEffect, createResource, createSignal, on, type Component } from 'solid-js';
import { ConsentNoteField } from '../../components/consent-note-field';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ErrorNotice, Loading } from '../../components/status';
import { Toggle } from '../../components/toggle';
import { ApiError, fieldError } from '../../lib/graphql';
import { isAdmin } from '../../lib/session';
import {
  bulkSetEmployeeSmsOptIn,
  fetchBulkPreview,
  fetchEmployees,
  getEmployees,
  getMatchingCount,
  setEmployeeSmsOptIn,
  upsertEmployee,
  type BulkPreview,
  type BulkResult,
  type BulkScope,
  type EmployeeFilter,
  type EmployeeRow,
} from './team.data';
import './team.css';

type Choice = '' | 'yes' | 'no';
const asBoolean = (choice: Choice): boolean | undefined => (choice === '' ? undefined : choice === 'yes');
const people = (count: number): string => (count === 1 ? '1 employee' : `${count} employees`);

const EmployeeDialog: Component<{ employee: EmployeeRow | 'new' | null; onClose: () => void; onSaved: (message: string) => void }> = (props) => {
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
  const otherError = () => {
    const failure = error();
    return failure && !(failure instanceof ApiError && ['name', 'email', 'phone'].includes(failure.field ?? '')) ? failure : null;
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
            hint="Any format; saved as E.164. A new number is looked up for its carrier and is not opted in until they agree."
            error={fieldError(error(), 'phone')}
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

interface BulkRequest {
  optIn: boolean;
  scope: BulkScope;
  /** How many the selection holds, until the server's count arrives. */
  count: number;
  description: string;
}

const BulkDialog: Component<{ request: BulkRequest | null; onClose: () => void; onDone: () => void }> = (props) => {
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
    <Dialog open={Boolean(props.request)} title={result() ? `${verb()}: done` : `${verb()} ${people(counts()?.matched ?? props.request?.count ?? 0)}?`} onClose={close}>
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
                        <strong>{people(counted().changed)}</strong> will be {done()}.
                      </li>
                      <li>
                        {people(counted().unchanged)} already {done()} (no change).
                      </li>
                      <Show when={props.request?.optIn}>
                        <li>{people(counted().skippedNoPhone)} without a phone number will be skipped.</li>
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
                {pending() ? 'Working…' : counts() ? `${verb()} ${people(counts()!.changed)}` : verb()}
              </button>
            </div>
          </form>
        }
      >
        {(done) => (
          <>
            <dl class="facts" role="status" aria-label="Bulk result">
              <dt>Changed</dt>
              <dd>{done().changed}</dd>
              <dt>Unchanged</dt>
              <dd>{done().unchanged}</dd>
              <dt>Skipped, no phone</dt>
              <dd>{done().skippedNoPhone}</dd>
              <dt>Weeks whose Send SMS Alert turned on</dt>
              <dd>{done().weeksAlertEnabled}</dd>
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

const TeamPage: Component = () => {
  const [search, setSearch] = createSignal('');
  const [optedIn, setOptedIn] = createSignal<Choice>('');
  const [hasPhone, setHasPhone] = createSignal<Choice>('');
  const filter = (): EmployeeFilter => ({
    ...(search().trim() ? { search: search().trim() } : {}),
    ...(optedIn() ? { smsOptIn: asBoolean(optedIn()) } : {}),
    ...(hasPhone() ? { hasPhone: asBoolean(hasPhone()) } : {}),
  });
  const firstPage = createAsync(() => getEmployees(filter()));
  const list = createKeysetList(firstPage, (after) => fetchEmployees(filter(), after));

  // Bulk changes are ADMIN-only (the server refuses MEMBERs), so only ADMINs select rows.
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  // "All N matching this filter" holds N, counted when it was chosen.
  const [allMatching, setAllMatching] = createSignal<number | null>(null);
  const pageSelected = () => list.items().length > 0 && list.items().every((e) => selected().has(e.id));
  // Counted only once a full page is selected and more pages match; read
  // under its own Suspense so counting never blanks the table.
  const matching = createAsync(() => (isAdmin() && pageSelected() && list.hasMore() ? getMatchingCount(filter()) : Promise.resolve(null)));
  createEffect(
    on(filter, () => {
      setSelected(new Set<string>());
      setAllMatching(null);
    }, { defer: true }),
  );

  const toggleRow = (id: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
    setAllMatching(null);
  };
  const togglePage = (on: boolean) => {
    setSelected(new Set(on ? list.items().map((e) => e.id) : []));
    setAllMatching(null);
  };
  const clearSelection = () => {
    setSelected(new Set<string>());
    setAllMatching(null);
  };

  const [rowBusy, setRowBusy] = createSignal<string | null>(null);
  const [rowError, setRowError] = createSignal<unknown>(null);
  const setOptIn = useAction(setEmployeeSmsOptIn);
  const toggleOptIn = async (employee: EmployeeRow, on: boolean) => {
    setRowBusy(employee.id);
    setRowError(null);
    try {
      await setOptIn(employee.id, on);
    } catch (failure) {
      setRowError(failure instanceof ApiError ? new ApiError(`${employee.name}: ${failure.message}`, failure.code) : failure);
    } finally {
      setRowBusy(null);
    }
  };

  const [editing, setEditing] = createSignal<EmployeeRow | 'new' | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [bulk, setBulk] = createSignal<BulkRequest | null>(null);
  const openBulk = (optIn: boolean) => {
    const all = allMatching();
    if (all !== null) {
      setBulk({ optIn, scope: { filter: filter() }, count: all, description: `All ${people(all)} matching the current filter.` });
    } else {
      const ids = [...selected()];
      setBulk({ optIn, scope: { employeeIds: ids }, count: ids.length, description: `The ${people(ids.length)} you selected.` });
    }
  };

  return (
    <Page
      title="Team"
      actions={
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          Add employee
        </button>
      }
    >
      <form class="filters" role="search" aria-label="Filter employees" onSubmit={(event) => event.preventDefault()}>
        <Field label="Search name or email" type="search" value={search()} onChange={(event) => setSearch(event.currentTarget.value)} />
        <div class="field">
          <label for="team-opted-in">SMS opt-in</label>
          <select id="team-opted-in" value={optedIn()} onChange={(event) => setOptedIn(event.currentTarget.value as Choice)}>
            <option value="">Any</option>
            <option value="yes">Opted in</option>
            <option value="no">Not opted in</option>
          </select>
        </div>
        <div class="field">
          <label for="team-has-phone">Phone</label>
          <select id="team-has-phone" value={hasPhone()} onChange={(event) => setHasPhone(event.currentTarget.value as Choice)}>
            <option value="">Any</option>
            <option value="yes">Has a phone</option>
            <option value="no">No phone</option>
          </select>
        </div>
      </form>

      <Show when={!isAdmin()}>
        <p class="notice">
          You are signed in with a MEMBER key: you can add and edit employees and switch one employee's SMS opt-in at a time. Changing many at once
          needs an ADMIN key.
        </p>
      </Show>
      <Show when={notice()}>
        <p class="notice" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={rowError()}>
        <ErrorNotice error={rowError()} />
      </Show>

      <Show when={isAdmin() && selected().size > 0}>
        <div class="team-bulk panel" role="region" aria-label="Bulk SMS opt-in">
          <div class="team-bulk-selection">
            <strong>{allMatching() !== null ? `All ${people(allMatching()!)} matching this filter are selected.` : `${people(selected().size)} selected.`}</strong>
            <Show when={pageSelected() && allMatching() === null && list.hasMore()}>
              <ErrorBoundary
                fallback={(failure, reset) => (
                  <ErrorNotice
                    error={failure}
                    retry={() => {
                      void revalidate(getMatchingCount.keyFor(filter()));
                      reset();
                    }}
                  />
                )}
              >
                <Suspense fallback={<span class="hint">Counting everyone who matches this filter…</span>}>
                  <Show when={(matching() ?? 0) > selected().size}>
                    <button type="button" class="link-button" onClick={() => setAllMatching(matching() ?? null)}>
                      Select all {matching()} matching this filter
                    </button>
                  </Show>
                </Suspense>
              </ErrorBoundary>
            </Show>
            <button type="button" class="link-button" onClick={clearSelection}>
              Clear selection
            </button>
          </div>
          <div class="actions">
            <button type="button" class="primary" onClick={() => openBulk(true)}>
              Opt in
            </button>
            <button type="button" class="danger" onClick={() => openBulk(false)}>
              Opt out
            </button>
          </div>
        </div>
      </Show>

      <Show when={list.items().length > 0} fallback={<p class="empty">{Object.keys(filter()).length ? 'No employee matches these filters.' : 'No employees yet. Add the first one.'}</p>}>
        <div class="table-wrap">
          <table aria-label="Employees">
            <thead>
              <tr>
                <Show when={isAdmin()}>
                  <th scope="col">
                    <input type="checkbox" aria-label="Select all employees on this page" checked={pageSelected()} onChange={(event) => togglePage(event.currentTarget.checked)} />
                  </th>
                </Show>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Phone</th>
                <th scope="col">Carrier</th>
                <th scope="col">SMS opt-in</th>
                <th scope="col">
                  <span class="team-sr">Edit</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={list.items()}>
                {(employee) => (
                  <tr>
                    <Show when={isAdmin()}>
                      <td>
                        <input type="checkbox" aria-label={`Select ${employee.name}`} checked={selected().has(employee.id)} onChange={(event) => toggleRow(employee.id, event.currentTarget.checked)} />
                      </td>
                    </Show>
                    <td>{employee.name}</td>
                    <td>{employee.email ?? '—'}</td>
                    <td>{employee.phone ?? 'No phone'}</td>
                    <td>{employee.carrierName ?? (employee.carrierLookupStatus === 'PENDING' ? 'Looking up…' : '—')}</td>
                    <td>
                      <Toggle
                        label={`SMS opt-in for ${employee.name}`}
                        checked={employee.smsOptIn}
                        busy={rowBusy() === employee.id}
                        onChange={(on) => void toggleOptIn(employee, on)}
                      />
                    </td>
                    <td>
                      <button type="button" class="link-button" aria-label={`Edit ${employee.name}`} onClick={() => setEditing(employee)}>
                        Edit
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={list.error()}>
        <ErrorNotice error={list.error()} />
      </Show>
      <LoadMore hasMore={list.hasMore()} loading={list.loading()} onLoad={() => void list.loadMore()} />

      {/* One dialog in the page at a time: each names itself by the same title id. */}
      <Show when={editing()}>
        <EmployeeDialog employee={editing()} onClose={() => setEditing(null)} onSaved={setNotice} />
      </Show>
      <Show when={bulk()}>
        <BulkDialog request={bulk()} onClose={() => setBulk(null)} onDone={clearSelection} />
      </Show>
    </Page>
  );
};

export default TeamPage;
