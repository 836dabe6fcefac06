import { MessageKind } from '../../comms-log/comms-log.enums.js';
import type { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';

// L8: a reminder is no use once its session has started, a shift alert once
// its shift has; other texts have no deadline of their own.
const DEADLINE_KINDS: MessageKind[] = [MessageKind.REMINDER, MessageKind.SHIFT_ALERT];

/** The latest moment the text is still of use, or null when it has none. */
export function latestUsefulTime(entry: Pick<CommsLogEntry, 'kind' | 'subjectStartsAt'>): Date | null {
  return DEADLINE_KINDS.includes(entry.kind) ? (entry.subjectStartsAt ?? null) : null;
}
