import { createAsync, revalidate } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, createSignal, type Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { ExportCsvButton } from '../../components/export-csv-button';
import { Page } from '../../components/page';
import { ErrorNotice, Loading } from '../../components/status';
import { VisuallyHidden } from '../../components/visually-hidden';
import { consentSourceName, formatActor, formatDateTime, formatPhone, humanize } from '../../lib/format';
import { exportConsentCsv, getConsentRecords, loadConsentPage, type ConsentFilter, type ConsentRecordRow } from './consent-audit.data';
import { ConsentChanges } from './consent-changes';
import { ConsentFilters } from './consent-filters';
import { ConsentRecordDetails } from './consent-record-details';
import './consent-audit.css';

const RecordTable: Component<{ filter: ConsentFilter }> = (props) => {
  const first = createAsync(() => getConsentRecords(props.filter));
  const list = createKeysetList(first, (after) => loadConsentPage(props.filter, after));
  const [open, setOpen] = createSignal<ConsentRecordRow | null>(null);
  const rows = list.items;
  return (
    <Show when={first()}>
      <DataTable
        label="Consent records"
        columns={[
          { header: 'Recorded', cell: (record) => formatDateTime(record.createdAt) },
          { header: 'Action', cell: (record) => <span class={`badge badge-${record.action.toLowerCase()}`}>{humanize(record.action)}</span> },
          { header: 'Source', cell: (record) => consentSourceName(record.source) },
          { header: 'Subject', cell: (record) => humanize(record.subjectType) },
          { header: 'Phone', cell: (record) => formatPhone(record.phone) },
          { header: 'Actor', cell: (record) => formatActor(record.actorLabel) },
          {
            header: 'Details',
            hiddenHeader: true,
            cell: (record) => (
              <button type="button" class="link-button" onClick={() => setOpen(record)}>
                Details<VisuallyHidden> of the {humanize(record.action).toLowerCase()} record of {formatDateTime(record.createdAt)}</VisuallyHidden>
              </button>
            ),
          },
        ]}
        rows={rows()}
        empty={<p class="empty">No consent records match these filters.</p>}
      />
      <LoadMore list={list} />
      <Show when={open()}>{(record) => <ConsentRecordDetails record={record()} onClose={() => setOpen(null)} />}</Show>
    </Show>
  );
};

const ConsentAuditPage: Component = () => {
  const [filter, setFilter] = createSignal<ConsentFilter>({});
  return (
    <Page title="Consent audit">
      <p class="hint consent-intro">
        Every consent change in this workspace, newest first, kept for audit: records are never changed or deleted (K5). Dates
        are days in your time zone.
      </p>
      <ConsentFilters onApply={setFilter} />
      <div class="consent-toolbar">
        <ExportCsvButton class="consent-export" load={() => exportConsentCsv(filter())} fileName="tock-consent" what="consent records" />
      </div>
      <ConsentChanges onShow={() => void revalidate(getConsentRecords.key)} />
      {/* Its own boundary: a new filter reloads the list, not the filter form. */}
      <ErrorBoundary fallback={(error, retry) => <ErrorNotice error={error} retry={retry} />}>
        <Suspense fallback={<Loading label="Loading consent records…" />}>
          <RecordTable filter={filter()} />
        </Suspense>
      </ErrorBoundary>
    </Page>
  );
};

export default ConsentAuditPage;
