import { useSearchParams } from '@solidjs/router';
import { Show, createMemo, createSignal, type Component } from 'solid-js';
import { Page } from '../../components/page';
import { DataTable } from '../../components/data-table';
import { FilterBar, FilterChoice } from '../../components/filter-bar';
import { ErrorNotice, Loading } from '../../components/status';
import { formatDateTime, formatTime, humanize } from '../../lib/format';
import { MESSAGE_KINDS, MESSAGE_STATUSES, SKIP_REASONS, type FeedEntry, type FeedFilter } from './live-feed.data';
import { entryColumns } from './entry-columns';
import { ConnectionIndicator } from './connection-indicator';
import { EntryDetails } from './entry-details';
import { MAX_ROWS, createLiveFeed, type FeedRow } from './live-feed.store';
import './live-feed.css';

const sameFilter = (a: FeedFilter, b: FeedFilter): boolean => a.status === b.status && a.kind === b.kind && a.skipReason === b.skipReason;

const param = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value) || undefined;

// The reason a message was held back or failed; for one still waiting, when it is due.
const detail = (entry: FeedEntry): string => {
  if (entry.skipReason) return humanize(entry.skipReason);
  if (entry.errorCode) return `${entry.errorCode}${entry.errorReason ? `: ${entry.errorReason}` : ''}`;
  // T3: in the recipient's zone, as the server wrote it.
  if (entry.status === 'QUEUED' && entry.holdReason) return entry.holdReason;
  if (entry.status === 'QUEUED' && entry.scheduledFor && Date.parse(entry.scheduledFor) > Date.now()) return `Due ${formatDateTime(entry.scheduledFor)}`;
  return '';
};

const LiveFeedPage: Component = () => {
  // Filters live in the address, so the overview can link to a filtered feed.
  const [params, setParams] = useSearchParams<{ status?: string; kind?: string; reason?: string }>();
  const filter = createMemo<FeedFilter>(
    () => ({ status: param(params.status), kind: param(params.kind), skipReason: param(params.reason) }),
    {},
    { equals: sameFilter },
  );
  const feed = createLiveFeed(filter);
  const [opened, setOpened] = createSignal<string | null>(null);

  return (
    <Page title="Live feed" actions={<ConnectionIndicator state={feed.connection()} />}>
      <p class="hint live-intro">
        Every message this workspace sends, holds back (skipped, with the reason) or receives, as it happens. Newest first; the
        last {MAX_ROWS} are kept. Times are in your time zone.
      </p>
      <FilterBar class="live-filters" role="group" label="Filter the feed">
        <FilterChoice id="feed-status" label="Status" value={filter().status ?? ''} options={MESSAGE_STATUSES} onChange={(status) => setParams({ status: status || undefined })} />
        <FilterChoice id="feed-kind" label="Kind" value={filter().kind ?? ''} options={MESSAGE_KINDS} onChange={(kind) => setParams({ kind: kind || undefined })} />
        <FilterChoice
          id="feed-reason"
          label="Skip reason"
          value={filter().skipReason ?? ''}
          options={SKIP_REASONS}
          onChange={(reason) => setParams({ reason: reason || undefined })}
        />
        <Show
          when={feed.paused()}
          fallback={
            <button type="button" onClick={() => feed.pause()}>
              Pause
            </button>
          }
        >
          <button type="button" class="primary" onClick={() => feed.resume()}>
            Resume{feed.waiting() ? ` and show ${feed.waiting()} new` : ''}
          </button>
        </Show>
      </FilterBar>
      <p class="live-waiting" role="status" aria-live="polite">
        {feed.paused() ? `Paused: ${feed.waiting()} new ${feed.waiting() === 1 ? 'event' : 'events'} waiting.` : ''}
      </p>
      <Show when={feed.problem()}>{(problem) => <ErrorNotice error={problem()} retry={feed.retry} />}</Show>
      <Show when={!feed.seeding() || feed.rows().length} fallback={<Loading label="Loading the latest messages…" />}>
        <Show when={feed.rows().length} fallback={<p class="empty">No messages match yet. New ones appear here as they happen.</p>}>
          <DataTable
            label="Messages"
            columns={entryColumns<FeedRow>({
              entry: (row) => row.entry,
              when: {
                header: 'Time',
                cell: (row) => (
                  <time datetime={row.entry.createdAt} title={formatDateTime(row.entry.createdAt)}>
                    {formatTime(row.entry.createdAt)}
                  </time>
                ),
              },
              reason: detail,
              onOpen: setOpened,
            })}
            rows={feed.rows()}
            rowProps={(row) => ({
              get classList() {
                return { 'new-row': row.isNew };
              },
              'data-entry-id': row.entry.id,
            })}
          />
        </Show>
      </Show>
      <Show when={opened()}>{(id) => <EntryDetails id={id()} onClose={() => setOpened(null)} />}</Show>
    </Page>
  );
};

export default LiveFeedPage;
