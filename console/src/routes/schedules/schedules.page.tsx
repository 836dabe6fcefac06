import { createAsync, useAction } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { FilterBar } from '../../components/filter-bar';
import { Field } from '../../components/field';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ErrorNotice } from '../../components/status';
import { PublishDialog } from './publish-dialog';
import { ScheduleWeekTable } from './schedule-week-table';
import { EmployeePicker } from './employee-picker';
import { fetchWeeks, getWeeks, searchEmployees, setWeekSmsAlert, type EmployeeChoice, type ScheduleWeekRow, type WeekFilter } from './schedules.data';
import { TimeOffSection } from './time-off-section';
import { mondayOf, thisMonday } from './week-dates.util';
import { WeekEditor, type Editing } from './week-editor';
import './schedules.css';

const SchedulesPage: Component = () => {
  const [employee, setEmployee] = createSignal<EmployeeChoice | null>(null);
  const [weekStart, setWeekStart] = createSignal('');
  const filter = (): WeekFilter => ({ ...(employee() ? { employeeId: employee()!.id } : {}), ...(weekStart() ? { weekStart: weekStart() } : {}) });
  const firstPage = createAsync(() => getWeeks(filter()));
  const list = createKeysetList(firstPage, (after) => fetchWeeks(filter(), after));
  const setAlert = useAction(setWeekSmsAlert);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [editing, setEditing] = createSignal<Editing>(null);
  const [publishing, setPublishing] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);

  const toggleAlert = async (week: ScheduleWeekRow, enabled: boolean) => {
    setBusy(week.id);
    setError(null);
    try {
      await setAlert(week.id, enabled);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page
      title="Schedules"
      actions={
        <div class="actions schedules-header-actions">
          <button type="button" onClick={() => setPublishing(true)}>
            Publish a week…
          </button>
          <button type="button" class="primary" onClick={() => setEditing({ week: null })}>
            Add a week
          </button>
        </div>
      }
    >
      <FilterBar label="Filter schedule weeks">
        <EmployeePicker id="weeks-employee" label="Employee" value={employee()} onChange={setEmployee} search={searchEmployees} noneLabel="Everyone" />
        <Field label="Week (any day)" type="date" value={weekStart()} onChange={(event) => setWeekStart(mondayOf(event.currentTarget.value))} />
        <Show when={weekStart()}>
          <button type="button" class="link-button" onClick={() => setWeekStart('')}>
            All weeks
          </button>
        </Show>
      </FilterBar>
      <Show when={notice()}>
        <p class="notice" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
      <Show
        when={list.items().length > 0}
        fallback={<p class="empty">{employee() || weekStart() ? 'No schedule weeks match these filters.' : 'No schedule weeks yet. Add one for an employee.'}</p>}
      >
        <ScheduleWeekTable weeks={list.items()} busyId={busy()} onAlert={(week, enabled) => void toggleAlert(week, enabled)} onEdit={(week) => setEditing({ week })} />
      </Show>
      <LoadMore list={list} />

      <TimeOffSection />
      {/* Each dialog mounts when it opens, so it starts from fresh state. */}
      <Show when={editing()}>
        <WeekEditor editing={editing()} defaultWeek={weekStart() || thisMonday()} onClose={() => setEditing(null)} onSaved={setNotice} />
      </Show>
      <Show when={publishing()}>
        <PublishDialog open={publishing()} defaultWeek={weekStart() || thisMonday()} onClose={() => setPublishing(false)} />
      </Show>
    </Page>
  );
};

export default SchedulesPage;
