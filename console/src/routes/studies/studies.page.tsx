import { A, createAsync, useSubmission } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { FilterBar } from '../../components/filter-bar';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { formatDateTime } from '../../lib/format';
import { createStudy, fetchStudies, getStudies } from './studies.data';
import './studies.css';

const nextSession = (sessions: { status: string; startsAt: string }[]): string | undefined =>
  sessions.find((s) => s.status === 'SCHEDULED' && new Date(s.startsAt).getTime() > Date.now())?.startsAt;

const StudiesPage: Component = () => {
  const [search, setSearch] = createSignal('');
  const firstPage = createAsync(() => getStudies(search()));
  const list = createKeysetList(firstPage, (after) => fetchStudies(search(), after));
  const creating = useSubmission(createStudy);
  // One key per form showing: a double submit creates one study.
  const idempotencyKey = crypto.randomUUID();

  return (
    <Page title="Studies">
      <section class="panel" aria-labelledby="new-study">
        <h2 id="new-study">New interview study</h2>
        <form action={createStudy} method="post" class="study-create">
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <Field label="Study name" name="name" type="text" required maxlength={200} error={fieldError(creating.error, 'name')} />
          <label class="checkbox">
            <input type="checkbox" name="smsRemindersEnabled" checked />
            Interview Reminder SMS (texts 15 minutes before each session; you can turn it off later)
          </label>
          <Show when={creating.error && !(creating.error instanceof ApiError && creating.error.field)}>
            <ErrorNotice error={creating.error} />
          </Show>
          <button type="submit" class="primary" disabled={creating.pending}>
            {creating.pending ? 'Creating…' : 'Create study'}
          </button>
        </form>
      </section>

      <FilterBar label="Search studies">
        <Field label="Search studies" type="search" value={search()} onChange={(event) => setSearch(event.currentTarget.value)} />
      </FilterBar>
      <DataTable
        label="Studies"
        columns={[
          { header: 'Study', cell: (study) => <A href={`/studies/${study.id}`}>{study.name}</A> },
          { header: 'Reminder SMS', cell: (study) => (study.smsRemindersEnabled ? 'On' : 'Off') },
          { header: 'Sessions', cell: (study) => study.sessions.length },
          { header: 'Next session', cell: (study) => formatDateTime(nextSession(study.sessions)) },
          { header: 'Created', cell: (study) => formatDateTime(study.createdAt) },
        ]}
        rows={list.items()}
        empty={<p class="empty">{search() ? 'No study matches that search.' : 'No studies yet. Create the first one above.'}</p>}
      />
      <LoadMore list={list} />
    </Page>
  );
};

export default StudiesPage;
