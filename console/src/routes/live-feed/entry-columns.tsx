import type { Column } from '../../components/data-table';
import { StatusBadge } from '../../components/status';
import { VisuallyHidden } from '../../components/visually-hidden';
import { humanize } from '../../lib/format';
import { recipientOf, type FeedEntry } from './live-feed.data';

/**
 * The columns the live feed and the message history share: when (as each page
 * words it), status, kind, recipient, reason and a Details button that names
 * the message it opens.
 */
export function entryColumns<T>(options: {
  entry: (row: T) => FeedEntry;
  when: Column<T>;
  reason: (entry: FeedEntry) => string;
  onOpen: (id: string) => void;
}): Column<T>[] {
  const { entry, reason, onOpen } = options;
  return [
    options.when,
    { header: 'Status', cell: (row) => <StatusBadge status={entry(row).status} /> },
    { header: 'Kind', cell: (row) => humanize(entry(row).kind) },
    { header: 'Recipient', cell: (row) => recipientOf(entry(row)) },
    { header: 'Reason / error', cell: (row) => reason(entry(row)) },
    {
      header: 'Details',
      hiddenHeader: true,
      cell: (row) => (
        <button type="button" class="link-button" onClick={() => onOpen(entry(row).id)}>
          Details<VisuallyHidden> of the {humanize(entry(row).kind).toLowerCase()} to {recipientOf(entry(row))}</VisuallyHidden>
        </button>
      ),
    },
  ];
}
