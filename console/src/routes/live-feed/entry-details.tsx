import { createAsync } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { ErrorNotice, Loading, StatusBadge } from '../../components/status';
import { formatDateTime, formatDateTimeIn, humanize, viewerTimeZone } from '../../lib/format';
import { getCommsLogEntry, type FullEntry } from './live-feed.data';

const TIMES = ['createdAt', 'updatedAt', 'scheduledFor', 'sentAt', 'deliveredAt', 'failedAt', 'subjectStartsAt'];
const CODES = ['direction', 'kind', 'skipReason', 'channel'];

const LABELS: [string, string][] = [
  ['direction', 'Direction'],
  ['kind', 'Kind'],
  ['skipReason', 'Skip reason'],
  ['channel', 'Channel'],
  ['recipientPhone', 'Recipient'],
  ['recipientTimeZone', "Recipient's time zone (times in the text)"],
  ['holdReason', 'Waiting'],
  ['senderPhone', 'Sender number'],
  ['body', 'Text'],
  ['encoding', 'Encoding'],
  ['segments', 'Segments'],
  ['attempts', 'Attempts'],
  ['providerMessageId', 'Provider message id'],
  ['errorCode', 'Error code'],
  ['errorReason', 'Error reason'],
  ['createdAt', 'Logged'],
  ['scheduledFor', 'Due'],
  ['sentAt', 'Sent'],
  ['deliveredAt', 'Delivered'],
  ['failedAt', 'Failed'],
  ['updatedAt', 'Last change'],
  ['subjectStartsAt', 'Session or shift starts'],
  ['studyId', 'Study id'],
  ['sessionId', 'Session id'],
  ['bookingId', 'Booking id'],
  ['participantId', 'Participant id'],
  ['employeeId', 'Employee id'],
  ['scheduleWeekId', 'Schedule week id'],
  ['shiftId', 'Shift id'],
  ['timeOffRequestId', 'Time-off request id'],
  ['id', 'Entry id'],
];

// T1: times here are in the viewer's zone; the recipient's zone is its own row, and the due time is shown in it too.
function show(entry: FullEntry, field: string): string {
  const value = entry[field];
  if (value == null || value === '') return '—';
  const zone = typeof entry.recipientTimeZone === 'string' ? entry.recipientTimeZone : null;
  if (TIMES.includes(field)) return zone && field === 'scheduledFor' ? `${formatDateTime(String(value))} (${formatDateTimeIn(String(value), zone)})` : formatDateTime(String(value));
  if (CODES.includes(field)) return humanize(String(value));
  return String(value);
}

/** L1: every field of one log entry, loaded fresh when the row is opened. */
export const EntryDetails: Component<{ id: string; onClose: () => void }> = (props) => {
  const entry = createAsync(() => getCommsLogEntry(props.id));
  return (
    <Dialog open title="Message details" onClose={props.onClose}>
      <ErrorBoundary fallback={(error) => <ErrorNotice error={error} />}>
        <Suspense fallback={<Loading />}>
          <Show when={entry()}>
            {(current) => (
              <dl class="facts entry-facts">
                <dt>Times shown in</dt>
                <dd>your time zone, {viewerTimeZone()}</dd>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={current().status} />
                </dd>
                <Show when={current().participant ?? current().employee}>
                  {(person) => (
                    <>
                      <dt>{current().participant ? 'Participant' : 'Employee'}</dt>
                      <dd>{person().name}</dd>
                    </>
                  )}
                </Show>
                <For each={LABELS}>
                  {([field, label]) => (
                    <>
                      <dt>{label}</dt>
                      <dd>{show(current(), field)}</dd>
                    </>
                  )}
                </For>
              </dl>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
      <div class="actions">
        <button type="button" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
    </Dialog>
  );
};
