import { log } from './logger.js';
import type { TockMetrics } from './metrics.js';

/** The fields of a comms-log entry this module reads (structural: observability imports no domain). */
interface ObservedEntry {
  id: string;
  kind: string;
  status: string;
  direction?: string;
  skipReason?: string | null;
  recipientPhone?: string | null;
  providerMessageId?: string | null;
  errorCode?: string | null;
  scheduledFor?: Date | null;
  sentAt?: Date | null;
  attempts?: number;
}

interface EntryEvents {
  subscribe(listener: (event: { type: 'created' | 'updated'; entry: ObservedEntry; remote?: boolean }) => void): () => void;
}

/**
 * O1/O2: every change of a text, as the comms log announces it, is one log
 * line (with the request or job context it happened in) and one count. Events
 * relayed from other processes were counted there.
 */
export function observeTexts(events: EntryEvents, metrics: TockMetrics): () => void {
  return events.subscribe(({ type, entry, remote }) => {
    if (remote) return;
    metrics.recordText({
      kind: entry.kind,
      status: entry.status,
      skipReason: entry.skipReason ?? null,
      dueAt: entry.scheduledFor ?? null,
      sentAt: entry.sentAt ?? null,
    });
    const line = {
      entryId: String(entry.id),
      kind: entry.kind,
      status: entry.status,
      ...(entry.skipReason && { skipReason: entry.skipReason }),
      ...(entry.recipientPhone && { to: entry.recipientPhone }),
      ...(entry.providerMessageId && { providerMessageId: entry.providerMessageId }),
      ...(entry.errorCode && { errorCode: entry.errorCode }),
    };
    const level = entry.status === 'FAILED' ? 'warn' : 'info';
    log[level](line, type === 'created' ? `text ${entry.status.toLowerCase()}` : `text now ${entry.status.toLowerCase()}`);
  });
}
