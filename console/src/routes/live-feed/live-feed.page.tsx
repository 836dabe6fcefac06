import { useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import { Page } from '../../components/page';
import { ErrorNotice, Loading, StatusBadge } from '../../components/status';
import { VisuallyHidden } from '../../components/visually-hidden';
import { formatDateTime, formatTime, humanize } from '../../lib/format';
import { MESSAGE_KINDS, MESSAGE_STATUSES, SKIP_REASONS, recipientOf, type FeedEntry, type FeedFilter } from './live-feed.data';
import { ConnectionIndicator } from './connection-indicator';
import { EntryDetails } from './entry-details';
import { MAX_ROWS, createLiveFeed } from './live-feed.store';
import './live-feed.css';

const FilterSelect: Component<{ id: string; label: string; value: string; options: readonly string[]; onChange: (value: string) => void }> = (props) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
      <option value="">Any</option>
      <For each={props.options}>{(option) => <option value={option}>{humanize(option)}</option>}</For>
    </select>
  </div>
);

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
      <div class="filters live-filters" role="group" aria-label="Filter the feed">
        <FilterSelect id="feed-status" label="Status" value={filter().status ?? ''} options={MESSAGE_STATUSES} onChange={(status) => setParams({ status: status || undefined })} />
        <FilterSelect id="feed-kind" label="Kind" value={filter().kind ?? ''} options={MESSAGE_KINDS} onChange={(kind) => setParams({ kind: kind || undefined })} />
        <FilterSelect
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
      </div>
      <p class="live-waiting" role="status" aria-live="polite">
        {feed.paused() ? `Paused: ${feed.waiting()} new ${feed.waiting() === 1 ? 'event' : 'events'} waiting.` : ''}
      </p>
      <Show when={feed.problem()}>{(problem) => <ErrorNotice error={problem()} retry={feed.retry} />}</Show>
      <Show when={!feed.seeding() || feed.rows().length} fallback={<Loading label="Loading the latest messages…" />}>
        <Show when={feed.rows().length} fallback={<p class="empty">No messages match yet. New ones appear here as they happen.</p>}>
          <div class="table-wrap">
            <table aria-label="Messages">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Status</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Recipient</th>
                  <th scope="col">Reason / error</th>
                  <th scope="col">
                    <VisuallyHidden>Details</VisuallyHidden>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={feed.rows()}>
                  {(row) => (
                    <tr classList={{ 'new-row': row.isNew }} data-entry-id={row.entry.id}>
                      <td>
                        <time datetime={row.entry.createdAt} title={formatDateTime(row.entry.createdAt)}>
                          {formatTime(row.entry.createdAt)}
                        </time>
                      </td>
                      <td>
                        <StatusBadge status={row.entry.status} />
                      </td>
                      <td>{humanize(row.entry.kind)}</td>
                      <td>{recipientOf(row.entry)}</td>
                      <td>{detail(row.entry)}</td>
                      <td>
                        <button type="button" class="link-button" onClick={() => setOpened(row.entry.id)}>
                          Details<VisuallyHidden> of the {humanize(row.entry.kind).toLowerCase()} to {recipientOf(row.entry)}</VisuallyHidden>
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </Show>
      <Show when={opened()}>{(id) => <EntryDetails id={id()} onClose={() => setOpened(null)} />}</Show>
    </Page>
  );
};

export default LiveFeedPage;
