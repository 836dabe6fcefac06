import { ErrorBoundary, For, Show, Suspense, type Component } from 'solid-js';
import { ErrorNotice, Loading, StatusBadge } from '../../components/status';
import type { ConsoleBookingMessagesQuery } from '../../gql/graphql';
import { formatDateTime, humanize } from '../../lib/format';

/** A communications-log row as the study and participant pages show it. */
export type BookingMessage = ConsoleBookingMessagesQuery['commsLog']['nodes'][number];

/** A booking's messages, newest first: kind, status badge, skip or failure reason. */
export const BookingMessages: Component<{ entries: BookingMessage[] | undefined; label: string }> = (props) => (
  <ErrorBoundary fallback={(error) => <ErrorNotice error={error} />}>
    <Suspense fallback={<Loading label="Loading messages…" />}>
      <Show when={(props.entries ?? []).length > 0} fallback={<p class="empty">No messages for this booking yet.</p>}>
        <div class="table-wrap">
          <table aria-label={props.label}>
            <thead>
              <tr>
                <th scope="col">Logged</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Due</th>
                <th scope="col">Channel</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.entries}>
                {(entry) => (
                  <tr>
                    <td>{formatDateTime(entry.createdAt)}</td>
                    <td>{humanize(entry.kind)}</td>
                    <td>
                      <StatusBadge status={entry.status} />
                    </td>
                    <td>{entry.skipReason ? humanize(entry.skipReason) : (entry.errorReason ?? '—')}</td>
                    <td>{formatDateTime(entry.scheduledFor)}</td>
                    <td>{humanize(entry.channel)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </Suspense>
  </ErrorBoundary>
);
