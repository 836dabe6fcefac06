import { createAsync, revalidate } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense, createSignal, type Component } from 'solid-js';
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
      <Show when={rows().length} fallback={<p class="empty">No consent records match these filters.</p>}>
        <div class="table-wrap">
          <table aria-label="Consent records">
            <thead>
              <tr>
                <th scope="col">Recorded</th>
                <th scope="col">Action</th>
                <th scope="col">Source</th>
                <th scope="col">Subject</th>
                <th scope="col">Phone</th>
                <th scope="col">Actor</th>
                <th scope="col">
                  <VisuallyHidden>Details</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(record) => (
                  <tr>
                    <td>{formatDateTime(record.createdAt)}</td>
                    <td>
                      <span class={`badge badge-${record.action.toLowerCase()}`}>{humanize(record.action)}</span>
                    </td>
                    <td>{consentSourceName(record.source)}</td>
                    <td>{humanize(record.subjectType)}</td>
                    <td>{formatPhone(record.phone)}</td>
                    <td>{formatActor(record.actorLabel)}</td>
                    <td>
                      <button type="button" class="link-button" onClick={() => setOpen(record)}>
                        Details<VisuallyHidden> of the {humanize(record.action).toLowerCase()} record of {formatDateTime(record.createdAt)}</VisuallyHidden>
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
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
