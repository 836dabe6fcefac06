import { createHash } from 'node:crypto';
import { MessageKind } from '../comms-log/comms-log.enums.js';
import type { MessageIntent } from '../messaging/delivery/message-intent.js';
import type { Booking } from './booking.entity.js';
import type { StudySession } from './study-session.entity.js';

/** S4: the reminder goes this long before the session starts. */
export const REMINDER_LEAD_MS = 15 * 60_000;

// A booking cancelled and booked again is a new incarnation with a new manage
// token; its texts must not collide with the old ones' idempotency keys.
function incarnation(booking: Booking): string {
  return createHash('sha256').update(booking.manageToken).digest('hex').slice(0, 12);
}

function about(booking: Booking, session: StudySession) {
  return {
    workspaceId: booking.workspaceId,
    participantId: booking.participantId,
    studyId: session.studyId,
    sessionId: session.id,
    bookingId: booking.id,
    // S5: every text about this booking counts against its cap.
    eventKey: booking.id,
    subjectStartsAt: session.startsAt,
  };
}

/** S4: the confirmation now, and the reminder 15 minutes before the start (none if that moment has passed). */
export function bookedIntents(booking: Booking, session: StudySession, now: Date): MessageIntent[] {
  const intents: MessageIntent[] = [
    { ...about(booking, session), kind: MessageKind.CONFIRMATION, sendAt: now, idempotencyKey: `confirmation:${booking.id}:${incarnation(booking)}` },
  ];
  const reminder = reminderIntent(booking, session);
  if (reminder.sendAt.getTime() > now.getTime()) intents.push(reminder);
  return intents;
}

export function reminderIntent(booking: Booking, session: StudySession): MessageIntent {
  return {
    ...about(booking, session),
    kind: MessageKind.REMINDER,
    sendAt: new Date(session.startsAt.getTime() - REMINDER_LEAD_MS),
    idempotencyKey: `reminder:${booking.id}:${incarnation(booking)}:${session.startsAt.toISOString()}`,
  };
}

/** S6: the new time now, and the reminder moved to it. */
export function rescheduledIntents(booking: Booking, session: StudySession, now: Date): MessageIntent[] {
  const intents: MessageIntent[] = [
    {
      ...about(booking, session),
      kind: MessageKind.SCHEDULE_CHANGE,
      sendAt: now,
      idempotencyKey: `schedule-change:${booking.id}:${session.startsAt.toISOString()}`,
    },
  ];
  const reminder = reminderIntent(booking, session);
  if (reminder.sendAt.getTime() > now.getTime()) intents.push(reminder);
  return intents;
}

/** S6: the cancellation, once per booking incarnation. */
export function cancelledIntent(booking: Booking, session: StudySession, now: Date): MessageIntent {
  return { ...about(booking, session), kind: MessageKind.CANCELLATION, sendAt: now, idempotencyKey: `cancellation:${booking.id}:${incarnation(booking)}` };
}

/** S5: a day-of update, its body fixed now; `requestKey` makes one request one text per booking. */
export function dayOfUpdateIntent(booking: Booking, session: StudySession, body: string, requestKey: string, now: Date): MessageIntent {
  return { ...about(booking, session), kind: MessageKind.DAY_OF_UPDATE, sendAt: now, body, idempotencyKey: dayOfUpdateKey(booking.id, requestKey) };
}

export const dayOfUpdateKey = (bookingId: string, requestKey: string) => `day-of:${bookingId}:${requestKey}`;
