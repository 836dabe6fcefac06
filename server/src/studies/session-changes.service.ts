import { Language } from '../common/language.js';
import { Participant } from './participant.entity.js';
import { randomUUID } from 'node:crypto';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import type { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../comms-log/comms-log.enums.js';
import { badInput, conflict, notFound } from '../common/tock-error.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import type { MessageIntent } from '../messaging/delivery/message-intent.js';
import { renderMessage, type Brand, type DayOfUpdate } from '../messaging/templates/message-templates.js';
import { Booking } from './booking.entity.js';
import { cancelledIntent, dayOfUpdateIntent, rescheduledIntents } from './booking-messages.js';
import { DROPPED_ON_CANCEL } from './manage-booking.service.js';
import { manageUrl } from './public-links.js';
import { BookingStatus, SessionStatus } from './session-status.enum.js';
import { StudySession } from './study-session.entity.js';
import { Study } from './study.entity.js';

interface SessionChangeResult {
  session: StudySession;
  /** Texts recorded for the booked participants (each still passes the send policy when due). */
  messagesQueued: number;
}

// S6 and day-of updates: a change to a session is one transaction that also
// records a text for each booked participant; jobs are put on the store after
// it commits (the reconciler covers a crash in between).
export class SessionChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
    private readonly brand: Brand,
    private readonly publicUrl: string,
  ) {}

  /** S6: moves the session; booked participants get SCHEDULE_CHANGE, and the reminder moves with it. */
  async reschedule(workspaceId: string, sessionId: string, startsAt: Date, now = new Date()): Promise<SessionChangeResult> {
    if (startsAt.getTime() <= now.getTime()) throw badInput('startsAt', 'A session must start in the future');
    const result = await this.change(workspaceId, sessionId, async (manager, session, bookings) => {
      if (session.startsAt.getTime() === startsAt.getTime()) return [];
      await manager.update(StudySession, { id: session.id }, { startsAt });
      session.startsAt = startsAt;
      return bookings.flatMap((booking) => rescheduledIntents(booking, session, now));
    });
    // Reminders for the old time no longer hold (the policy would skip them anyway).
    await this.delivery.dropQueued({ sessionId, kind: In([MessageKind.REMINDER, MessageKind.SCHEDULE_CHANGE]), subjectStartsAt: Not(startsAt) });
    return result;
  }

  /** S6: cancels the session; booked participants get CANCELLATION and no reminder. */
  async cancel(workspaceId: string, sessionId: string, now = new Date()): Promise<SessionChangeResult> {
    const result = await this.change(workspaceId, sessionId, async (manager, session, bookings) => {
      await manager.update(StudySession, { id: session.id }, { status: SessionStatus.CANCELLED });
      session.status = SessionStatus.CANCELLED;
      return bookings.map((booking) => cancelledIntent(booking, session, now));
    });
    await this.delivery.dropQueued({ sessionId, kind: In(DROPPED_ON_CANCEL) });
    return result;
  }

  /** S5: one of the fixed day-of updates to everyone booked; a retry with the same key sends nothing more. */
  async dayOfUpdate(workspaceId: string, sessionId: string, update: DayOfUpdate, idempotencyKey: string | null | undefined, now = new Date()) {
    const requestKey = idempotencyKey ? `key:${idempotencyKey}` : randomUUID();
    return this.change(workspaceId, sessionId, async (manager, session, bookings) => {
      const study = await manager.findOneOrFail(Study, { where: { id: session.studyId }, relations: { workspace: true } });
      const participants = bookings.length ? await manager.findBy(Participant, { id: In(bookings.map((b) => b.participantId)) }) : [];
      const byId = new Map(participants.map((p) => [p.id, p]));
      return bookings.map((booking) => {
        const participant = byId.get(booking.participantId);
        // T1/T2: the body is fixed now, in each participant's zone and language.
        const reader = {
          timeZone: participant?.timeZone ?? study.timeZone ?? study.workspace!.timeZone,
          language: participant?.language ?? Language.EN,
        };
        const body = renderMessage(
          { kind: MessageKind.DAY_OF_UPDATE, update, location: session.location, studyName: study.name, startsAt: session.startsAt, manageUrl: manageUrl(this.publicUrl, booking.manageToken) },
          this.brand,
          reader,
        );
        return dayOfUpdateIntent(booking, session, body, requestKey, now);
      });
    });
  }

  private async change(
    workspaceId: string,
    sessionId: string,
    apply: (manager: EntityManager, session: StudySession, booked: Booking[]) => Promise<MessageIntent[]>,
  ): Promise<SessionChangeResult> {
    let queued: CommsLogEntry[] = [];
    const session = await this.dataSource.transaction(async (manager) => {
      const session = await lockForUpdate(manager.createQueryBuilder(StudySession, 'session'))
        .where('session.id = :sessionId AND session.workspaceId = :workspaceId', { sessionId, workspaceId })
        .getOne();
      if (!session) throw notFound('Session');
      if (session.status !== SessionStatus.SCHEDULED) throw conflict('This session is cancelled');
      const booked = await manager.findBy(Booking, { sessionId: session.id, status: BookingStatus.BOOKED });
      queued = await this.delivery.record(manager, await apply(manager, session, booked));
      return manager.findOneByOrFail(StudySession, { id: session.id });
    });
    await this.delivery.schedule(queued);
    return { session, messagesQueued: queued.length };
  }
}
