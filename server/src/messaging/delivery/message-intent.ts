import type { MessageChannel, MessageKind } from '../../comms-log/comms-log.enums.js';

/**
 * A text Tock means to send: what it is about and when it is due. It becomes a
 * QUEUED log entry at once (L1) and is decided and sent when due, on the facts
 * of that moment.
 */
export interface MessageIntent {
  workspaceId: string;
  kind: MessageKind;
  /** L2: one intended message, one key. Recording the same key twice records it once. */
  idempotencyKey: string;
  sendAt: Date;
  participantId?: string | null;
  employeeId?: string | null;
  studyId?: string | null;
  sessionId?: string | null;
  bookingId?: string | null;
  shiftId?: string | null;
  scheduleWeekId?: string | null;
  timeOffRequestId?: string | null;
  /** S5: the booked event the text counts against (the booking id). */
  eventKey?: string | null;
  /** S6: the session or shift start the text describes. */
  subjectStartsAt?: Date | null;
  /** For texts to a bare number (keyword replies). */
  recipientPhone?: string | null;
  senderPhone?: string | null;
  /** A8: caused by a public path for a number new to the workspace (the pumping breaker's budget). */
  publicToNewNumber?: boolean;
  /** A body fixed when recorded (keyword replies, day-of updates); otherwise rendered when due. */
  body?: string | null;
  /** L9: the entry this one resends. */
  resendOfId?: string | null;
  /** E8: the channel fixed when recorded: the gateway, after a receipt said direct SMS cannot reach the carrier. */
  channel?: MessageChannel | null;
}

/** Puts a due time on a recorded message; the job carries only the entry id. */
export interface MessageScheduler {
  scheduleSend(entryId: string, at: Date): Promise<void>;
  cancelSends(entryIds: string[]): Promise<void>;
}
