import { createAsync, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, createMemo, createSignal, type Component } from 'solid-js';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { ExportCsvButton } from '../../components/export-csv-button';
import { Page } from '../../components/page';
import { DataTable } from '../../components/data-table';
import { ErrorNotice, Loading } from '../../components/status';
import { formatDateTime, humanize } from '../../lib/format';
import { EntryDetails } from '../live-feed/entry-details';
import { entryColumns } from '../live-feed/entry-columns';
import type { FeedEntry } from '../live-feed/live-feed.data';
import { FILTER_KEYS, exportMessagesCsv, filterFromParams, getMessages, loadMessagesPage, type MessagesFilter } from './messages.data';
import { MessagesFilters } from './messages-filters';
import './messages.css';

const sameFilter = (a: MessagesFilter, b: MessagesFilter): boolean => JSON.stringify(a) === JSON.stringify(b);

const reasonOrError = (entry: { skipReason: string | null; errorCode: string | null; errorReason: string | null }): string =>
  entry.skipReason ? humanize(entry.skipReason) : entry.errorCode ? `${entry.errorCode}${entry.errorReason ? `: ${entry.errorReason}` : ''}` : '';

const MessageTable: Component<{ filter: MessagesFilter }> = (props) => {
  const first = createAsync(() => getMessages(props.filter));
  const list = createKeysetList(first, (after) => loadMessagesPage(props.filter, after));
  const [opened, setOpened] = createSignal<string | null>(null);
  return (
    <Show when={first()}>
      <Show when={list.items().length} fallback={<p class="empty">No message matches. Widen the dates or clear a filter.</p>}>
        <DataTable
          label="Message history"
          columns={entryColumns<FeedEntry>({
            entry: (entry) => entry,
            when: { header: 'Logged', cell: (entry) => <time datetime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> },
            reason: reasonOrError,
            onOpen: setOpened,
          })}
          rows={list.items()}
          rowProps={(entry) => ({ 'data-entry-id': entry.id })}
        />
      </Show>
      <LoadMore list={list} />
      <Show when={opened()}>{(id) => <EntryDetails id={id()} onClose={() => setOpened(null)} />}</Show>
    </Show>
  );
};

/** C2: the whole history of the workspace's messages, searchable and filterable, a page at a time. */
const MessagesPage: Component = () => {
  // The filter lives in the address, so a search can be shared or bookmarked.
  const [params, setParams] = useSearchParams();
  const filter = createMemo(() => filterFromParams(params), {}, { equals: sameFilter });
  return (
    <Page title="Messages" actions={<ExportCsvButton class="messages-export" load={() => exportMessagesCsv(filter())} fileName="tock-messages" what="the message history" />}>
      <p class="hint messages-intro">
        Every message this workspace sent, held back or received, newest first. Search a phone number in any format, or part
        of a name or email. Dates are days in your time zone.
      </p>
      <MessagesFilters
        filter={filter()}
        onApply={(next) => setParams(Object.fromEntries(FILTER_KEYS.map((key) => [key, next[key]])))}
      />
      {/* Its own boundary, new for each filter: a bad search is shown here and the next one starts clean. */}
      <Show when={filter()} keyed>
        {(current) => (
          <ErrorBoundary fallback={(error, retry) => <ErrorNotice error={error} retry={retry} />}>
            <Suspense fallback={<Loading label="Loading messages…" />}>
              <MessageTable filter={current} />
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
    </Page>
  );
};

export default MessagesPage;
