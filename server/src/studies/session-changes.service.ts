import { randomUUID } from 'node:crypto';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import type { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../comms-log/comms-log.enums.js';
import { Language } from '../common/language.js';
import { badInput, conflict, notFound } from '../common/tock-error.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import { FAN_OUT_CHUNK, type FanOutLog, type FanOutProgress, type FanOutRequest, type FanOutScheduler } from '../messaging/delivery/fan-out.js';
import type { MessageIntent } from '../messaging/delivery/message-intent.js';
import { renderMessage, type Brand, type DayOfUpdate } from '../messaging/templates/message-templates.js';
import { Booking } from './booking.entity.js';
import { cancelledIntent, dayOfUpdateIntent, dayOfUpdateKey, rescheduledIntents } from './booking-messages.js';
import { DROPPED_ON_CANCEL } from './manage-booking.service.js';
import { Participant } from './participant.entity.js';
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
    private readonly fanOut: { scheduler: FanOutScheduler; log: FanOutLog },
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

  /**
   * S5: one of the fixed day-of updates to everyone booked; a retry with the
   * same key sends nothing more. The request checks the session and counts the
   * recipients; a job records the texts (item 9).
   */
  async dayOfUpdate(workspaceId: string, sessionId: string, update: DayOfUpdate, idempotencyKey: string | null | undefined, now = new Date()): Promise<SessionChangeResult> {
    const requestKey = idempotencyKey ? `key:${idempotencyKey}` : randomUUID();
    const session = await this.dataSource.getRepository(StudySession).findOneBy({ id: sessionId, workspaceId });
    if (!session) throw notFound('Session');
    if (session.status !== SessionStatus.SCHEDULED) throw conflict('This session is cancelled');
    const booked = await this.dataSource.getRepository(Booking).find({ select: { id: true }, where: { sessionId, status: BookingStatus.BOOKED } });
    const known = await this.delivery.countRecorded(booked.map((b) => dayOfUpdateKey(b.id, requestKey)));
    await this.fanOut.scheduler.requestFanOut({ kind: 'day-of-update', workspaceId, sessionId, update, requestKey, at: now.toISOString() });
    return { session, messagesQueued: booked.length - known };
  }

  /** Item 9, in a worker: records and schedules a day-of update's texts in chunks (`progress` after each). */
  async recordDayOf(request: Extract<FanOutRequest, { kind: 'day-of-update' }>, progress?: FanOutProgress): Promise<number> {
    const now = new Date(request.at);
    const session = await this.dataSource.getRepository(StudySession).findOneBy({ id: request.sessionId, workspaceId: request.workspaceId });
    if (!session || session.status !== SessionStatus.SCHEDULED) return 0;
    const study = await this.dataSource.getRepository(Study).findOneOrFail({ where: { id: session.studyId }, relations: { workspace: true } });
    const booked = await this.dataSource.getRepository(Booking).find({ where: { sessionId: session.id, status: BookingStatus.BOOKED }, order: { id: 'ASC' } });
    let recorded = 0;
    for (let i = 0; i < booked.length; i += FAN_OUT_CHUNK) {
      const chunk = booked.slice(i, i + FAN_OUT_CHUNK);
      const participants = await this.dataSource.getRepository(Participant).findBy({ id: In(chunk.map((b) => b.participantId)) });
      const byId = new Map(participants.map((p) => [p.id, p]));
      const intents = chunk.map((booking) => {
        const participant = byId.get(booking.participantId);
        // T1/T2: the body is fixed now, in each participant's zone and language.
        const reader = {
          timeZone: participant?.timeZone ?? study.timeZone ?? study.workspace!.timeZone,
          language: participant?.language ?? Language.EN,
        };
        const body = renderMessage(
          { kind: MessageKind.DAY_OF_UPDATE, update: request.update, location: session.location, studyName: study.name, startsAt: session.startsAt, manageUrl: manageUrl(this.publicUrl, booking.manageToken) },
          this.brand,
          reader,
        );
        return dayOfUpdateIntent(booking, session, body, request.requestKey, now);
      });
      // Each chunk recorded in one transaction, scheduled once it committed.
      const created = await this.dataSource.transaction((manager) => this.delivery.record(manager, intents));
      await this.delivery.schedule(created);
      recorded += created.length;
      const done = Math.min(i + FAN_OUT_CHUNK, booked.length);
      this.fanOut.log(`day-of update for session ${session.id}: ${done} of ${booked.length} recipients done`);
      await progress?.(done, booked.length);
    }
    return recorded;
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
