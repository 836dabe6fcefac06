import { registerEnumType } from 'type-graphql';

/** C2: what happened to a log entry, one row of its status timeline. */
export enum MessageEventType {
  QUEUED = 'QUEUED',
  /** T3: kept back for the recipient's quiet hours. */
  HELD = 'HELD',
  /** L5: waiting for the provider's rate limit (or the shared limiter was out of reach). */
  WAITING = 'WAITING',
  ATTEMPT_STARTED = 'ATTEMPT_STARTED',
  /** The provider said "later" (throttled, 5xx, timeout): the job tries again. */
  RETRY_SCHEDULED = 'RETRY_SCHEDULED',
  /** A claimed attempt handed back before the provider answered (a stopping worker, an unexpected error). */
  ATTEMPT_RETURNED = 'ATTEMPT_RETURNED',
  SENT = 'SENT',
  RECEIPT = 'RECEIPT',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
  INTERRUPTED = 'INTERRUPTED',
  /** L9: an ADMIN resent this text; `detail` names the new entry. */
  RESENT = 'RESENT',
}
registerEnumType(MessageEventType, { name: 'MessageEventType' });
