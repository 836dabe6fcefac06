import type { CommsLogEntry } from './comms-log-entry.entity.js';
import { MessageStatus } from './comms-log.enums.js';
import { MessageEventType } from './message-event-type.enum.js';

/** One timeline row to append, before it knows its entry's workspace (the writer reads that from the entry). */
export interface HistoryEvent {
  type: MessageEventType;
  attempt?: number | null;
  code?: string | null;
  providerStatus?: string | null;
  detail?: string | null;
}

const INTERRUPTED = 'INTERRUPTED';

// Pure: the timeline row a status transition (`from` -> the patch) stands
// for, or null for a change the timeline does not show. The delivery shell
// makes every change as such a patch, so this one table covers all of them.
export function historyEventOf(from: MessageStatus, patch: Partial<CommsLogEntry>, attemptsBefore: number | null = null): HistoryEvent | null {
  const to = patch.status ?? from;
  const attempt = patch.attempts ?? attemptsBefore;
  const reason = patch.errorReason ?? null;
  if (from === MessageStatus.QUEUED) {
    if (to === MessageStatus.SENDING) return { type: MessageEventType.ATTEMPT_STARTED, attempt: patch.attempts ?? null };
    if (to === MessageStatus.SKIPPED) return { type: MessageEventType.SKIPPED, code: patch.skipReason ?? null };
    if (to === MessageStatus.FAILED) return { type: MessageEventType.FAILED, attempt, code: patch.errorCode ?? null, detail: reason };
    if (to === MessageStatus.QUEUED && patch.holdReason) return { type: MessageEventType.HELD, detail: patch.holdReason };
    if (to === MessageStatus.QUEUED && patch.errorCode) return { type: MessageEventType.WAITING, code: patch.errorCode, detail: reason };
    return null;
  }
  if (from === MessageStatus.SENDING) {
    if (to === MessageStatus.SENT) return { type: MessageEventType.SENT, attempt, detail: sentDetail(patch) };
    if (to === MessageStatus.QUEUED && patch.errorCode) return { type: MessageEventType.RETRY_SCHEDULED, attempt, code: patch.errorCode, detail: reason };
    if (to === MessageStatus.QUEUED) return { type: MessageEventType.ATTEMPT_RETURNED, attempt };
    if (to === MessageStatus.FAILED && patch.errorCode === INTERRUPTED) return { type: MessageEventType.INTERRUPTED, attempt, code: INTERRUPTED, detail: reason };
    if (to === MessageStatus.FAILED) return { type: MessageEventType.FAILED, attempt, code: patch.errorCode ?? null, detail: reason };
    return null;
  }
  // L6: an entry marked interrupted whose SENT write landed late: it went after all.
  if (from === MessageStatus.FAILED && to === MessageStatus.SENT) return { type: MessageEventType.SENT, attempt, detail: sentDetail(patch) };
  return null;
}

function sentDetail(patch: Partial<CommsLogEntry>): string | null {
  const parts = [patch.providerMessageId && `provider id ${patch.providerMessageId}`, patch.channel && `via ${patch.channel}`].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}
