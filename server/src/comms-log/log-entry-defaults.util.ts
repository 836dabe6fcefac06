import type { CommsLogEntry } from './comms-log-entry.entity.js';

/** Every optional field of a new log entry, empty; callers set what their entry is about. */
export function logEntryDefaults(now: Date): Omit<CommsLogEntry, 'id' | 'workspace' | 'workspaceId' | 'direction' | 'kind' | 'status' | 'idempotencyKey'> {
  return {
    skipReason: null,
    channel: null,
    recipientPhone: null,
    senderPhone: null,
    participantId: null,
    employeeId: null,
    studyId: null,
    sessionId: null,
    bookingId: null,
    shiftId: null,
    scheduleWeekId: null,
    timeOffRequestId: null,
    eventKey: null,
    body: null,
    segments: null,
    encoding: null,
    providerMessageId: null,
    errorCode: null,
    errorReason: null,
    attempts: 0,
    publicToNewNumber: false,
    scheduledFor: null,
    subjectStartsAt: null,
    holdReason: null,
    recipientTimeZone: null,
    sentAt: null,
    deliveredAt: null,
    failedAt: null,
    resendOfId: null,
    createdAt: now,
    updatedAt: now,
  };
}
