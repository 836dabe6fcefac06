import { createAsync, revalidate, useAction } from '@solidjs/router';
import { Show, createEffect, createSignal, on, type Component } from 'solid-js';
import { Field } from '../../components/field';
import { FilterBar, FilterChoice } from '../../components/filter-bar';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ErrorNotice } from '../../components/status';
import { choiceAsBoolean, yesNo, type YesNoChoice } from '../../components/yes-no-choice';
import { ApiError } from '../../lib/graphql';
import { isAdmin } from '../../lib/session';
import { BulkOptInDialog, type BulkRequest } from './bulk-opt-in-dialog';
import { BulkSelectionBar } from './bulk-selection-bar';
import { employeeCount } from './employee-count.util';
import { EmployeeDialog } from './employee-dialog';
import { EmployeeTable } from './employee-table';
import { ImportDialog } from './import-dialog';
import { OptInGrantDialog } from './opt-in-grant-dialog';
import { fetchEmployees, getEmployees, getMatchingCount, setEmployeeSmsOptIn, type EmployeeFilter, type EmployeeRow } from './team.data';
import './team.css';

const TeamPage: Component = () => {
  const [search, setSearch] = createSignal('');
  const [optedIn, setOptedIn] = createSignal<YesNoChoice>('');
  const [hasPhone, setHasPhone] = createSignal<YesNoChoice>('');
  const filter = (): EmployeeFilter => ({
    ...(search().trim() ? { search: search().trim() } : {}),
    ...(optedIn() ? { smsOptIn: choiceAsBoolean(optedIn()) } : {}),
    ...(hasPhone() ? { hasPhone: choiceAsBoolean(hasPhone()) } : {}),
  });
  const firstPage = createAsync(() => getEmployees(filter()));
  const list = createKeysetList(firstPage, (after) => fetchEmployees(filter(), after));

  // Bulk changes are ADMIN-only (the server refuses MEMBERs), so only ADMINs select rows.
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  // "All N matching this filter" holds N, counted when it was chosen.
  const [allMatching, setAllMatching] = createSignal<number | null>(null);
  const pageSelected = () => list.items().length > 0 && list.items().every((e) => selected().has(e.id));
  // Counted only once a full page is selected and more pages match.
  const matching = createAsync(() => (isAdmin() && pageSelected() && list.hasMore() ? getMatchingCount(filter()) : Promise.resolve(null)));
  const select = (ids: Iterable<string>) => {
    setSelected(new Set(ids));
    setAllMatching(null);
  };
  createEffect(on(filter, () => select([]), { defer: true }));
  const selectRow = (id: string, checked: boolean) => {
    const next = new Set(selected());
    if (checked) next.add(id);
    else next.delete(id);
    select(next);
  };
  const selectPage = (checked: boolean) => select(checked ? list.items().map((e) => e.id) : []);
  const clearSelection = () => select([]);

  const [rowBusy, setRowBusy] = createSignal<string | null>(null);
  const [rowError, setRowError] = createSignal<unknown>(null);
  const setOptIn = useAction(setEmployeeSmsOptIn);
  // E2: a grant asks how consent was obtained first; an opt-out goes at once.
  const [granting, setGranting] = createSignal<EmployeeRow | null>(null);
  const toggleOptIn = async (employee: EmployeeRow, optIn: boolean) => {
    if (optIn) {
      setGranting(employee);
      return;
    }
    setRowBusy(employee.id);
    setRowError(null);
    try {
      await setOptIn(employee.id, optIn);
    } catch (failure) {
      setRowError(failure instanceof ApiError ? new ApiError(`${employee.name}: ${failure.message}`, failure.code) : failure);
    } finally {
      setRowBusy(null);
    }
  };

  const [editing, setEditing] = createSignal<EmployeeRow | 'new' | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [bulk, setBulk] = createSignal<BulkRequest | null>(null);
  const [importing, setImporting] = createSignal(false);
  const openBulk = (optIn: boolean) => {
    const all = allMatching();
    if (all !== null) {
      setBulk({ optIn, scope: { filter: filter() }, count: all, description: `All ${employeeCount(all)} matching the current filter.` });
    } else {
      const ids = [...selected()];
      setBulk({ optIn, scope: { employeeIds: ids }, count: ids.length, description: `The ${employeeCount(ids.length)} you selected.` });
    }
  };

  return (
    <Page
      title="Team"
      actions={
        <div class="actions team-header-actions">
          {/* upsertEmployees is ADMIN-only. */}
          <Show when={isAdmin()}>
            <button type="button" onClick={() => setImporting(true)}>
              Import CSV…
            </button>
          </Show>
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            Add employee
          </button>
        </div>
      }
    >
      <FilterBar label="Filter employees">
        <Field label="Search name or email" type="search" value={search()} onChange={(event) => setSearch(event.currentTarget.value)} />
        <FilterChoice id="team-opted-in" label="SMS opt-in" value={optedIn()} options={yesNo('Opted in', 'Not opted in')} onChange={(value) => setOptedIn(value as YesNoChoice)} />
        <FilterChoice id="team-has-phone" label="Phone" value={hasPhone()} options={yesNo('Has a phone', 'No phone')} onChange={(value) => setHasPhone(value as YesNoChoice)} />
      </FilterBar>

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
        <BulkSelectionBar
          selectedCount={selected().size}
          allMatching={allMatching()}
          canSelectAllMatching={pageSelected() && list.hasMore()}
          matching={matching()}
          onRetryCount={() => void revalidate(getMatchingCount.keyFor(filter()))}
          onSelectAllMatching={setAllMatching}
          onClear={clearSelection}
          onBulk={openBulk}
        />
      </Show>

      <Show when={list.items().length > 0} fallback={<p class="empty">{Object.keys(filter()).length ? 'No employee matches these filters.' : 'No employees yet. Add the first one.'}</p>}>
        <EmployeeTable
          employees={list.items()}
          selectable={isAdmin()}
          selected={selected()}
          pageSelected={pageSelected()}
          busyId={rowBusy()}
          onSelectPage={selectPage}
          onSelect={selectRow}
          onOptIn={(employee, optIn) => void toggleOptIn(employee, optIn)}
          onEdit={setEditing}
        />
      </Show>
      <LoadMore list={list} />

      {/* Each dialog mounts when it opens, so it starts from fresh state. */}
      <Show when={editing()}>
        <EmployeeDialog employee={editing()} onClose={() => setEditing(null)} onSaved={setNotice} />
      </Show>
      <Show when={granting()}>
        {(employee) => <OptInGrantDialog employee={employee()} onClose={() => setGranting(null)} onDone={setNotice} />}
      </Show>
      <Show when={importing()}>
        <ImportDialog onClose={() => setImporting(false)} />
      </Show>
      <Show when={bulk()}>
        <BulkOptInDialog request={bulk()} onClose={() => setBulk(null)} onDone={clearSelection} />
      </Show>
    </Page>
  );
};

export default TeamPage;
