import { ErrorBoundary, Suspense, type Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
import { ErrorNotice, Loading, StatusBadge } from '../../components/status';
import type { ConsoleBookingMessagesQuery } from '../../gql/graphql';
import { formatDateTime, humanize } from '../../lib/format';

/** A communications-log row as the study and participant pages show it. */
export type BookingMessage = ConsoleBookingMessagesQuery['commsLog']['nodes'][number];

/** A booking's messages, newest first: kind, status badge, skip or failure reason. */
export const BookingMessages: Component<{ entries: BookingMessage[] | undefined; label: string }> = (props) => (
  <ErrorBoundary fallback={(error) => <ErrorNotice error={error} />}>
    <Suspense fallback={<Loading label="Loading messages…" />}>
      <DataTable
        label={props.label}
        columns={[
          { header: 'Logged', cell: (entry) => formatDateTime(entry.createdAt) },
          { header: 'Kind', cell: (entry) => humanize(entry.kind) },
          { header: 'Status', cell: (entry) => <StatusBadge status={entry.status} /> },
          { header: 'Reason', cell: (entry) => (entry.skipReason ? humanize(entry.skipReason) : (entry.errorReason ?? '—')) },
          { header: 'Due', cell: (entry) => formatDateTime(entry.scheduledFor) },
          { header: 'Channel', cell: (entry) => humanize(entry.channel) },
        ]}
        rows={props.entries ?? []}
        empty={<p class="empty">No messages for this booking yet.</p>}
      />
    </Suspense>
  </ErrorBoundary>
);
