import { In, type DataSource, type EntityManager } from 'typeorm';
import type { VelocityLimits } from '../abuse/velocity-limits.js';
import type { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../comms-log/comms-log.enums.js';
import { conflict, notFound } from '../common/tock-error.js';
import type { Language } from '../common/language.js';
import { parseTimeZone } from '../common/time-zone.util.js';
import type { ConsentService } from '../consent/consent.service.js';
import { ConsentSource } from '../consent/consent.enums.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { RequestMeta } from '../common/actor.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import { Booking } from './booking.entity.js';
import { cancelledIntent } from './booking-messages.js';
import { consentTransition } from './consent-transition.js';
import { Participant } from './participant.entity.js';
import { BookingStatus, type SessionStatus } from './session-status.enum.js';

interface ManagedBookingView {
  id: string;
  studyName: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  sessionStatus: SessionStatus;
  status: BookingStatus;
  cancelledAt: Date | null;
  hasPhone: boolean;
  phoneLastDigits: string | null;
  smsConsent: boolean;
  sessionTimeZone: string;
  timeZone: string;
  language: Language;
}

// Texts about a booking that no longer holds once it is cancelled.
export const DROPPED_ON_CANCEL = [MessageKind.CONFIRMATION, MessageKind.REMINDER, MessageKind.SCHEDULE_CHANGE, MessageKind.DAY_OF_UPDATE];

// S7: what the holder of a manage-booking link may see and do. The token is the
// only credential, so an unknown one answers NOT_FOUND and changes nothing.
export class ManageBookingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly delivery: DeliveryService,
    private readonly limits: VelocityLimits,
  ) {}

  async view(manageToken: string, manager: EntityManager = this.dataSource.manager): Promise<ManagedBookingView> {
    const booking = await manager
      .createQueryBuilder(Booking, 'booking')
      .innerJoinAndSelect('booking.session', 'session')
      .innerJoinAndSelect('session.study', 'study')
      .innerJoinAndSelect('study.workspace', 'workspace')
      .innerJoinAndSelect('booking.participant', 'participant')
      .where('booking.manageToken = :manageToken', { manageToken })
      .getOne();
    if (!booking?.session?.study || !booking.participant) throw notFound('Booking');
    const { session, participant } = booking;
    return {
      id: booking.id,
      studyName: session.study!.name,
      startsAt: session.startsAt,
      durationMinutes: session.durationMinutes,
      location: session.location,
      sessionStatus: session.status,
      status: booking.status,
      cancelledAt: booking.cancelledAt,
      hasPhone: participant.phone !== null,
      // The link may be forwarded: never show more of the number than this.
      phoneLastDigits: participant.phone ? participant.phone.slice(-2) : null,
      smsConsent: participant.smsConsent,
      sessionTimeZone: session.study!.timeZone ?? session.study!.workspace!.timeZone,
      timeZone: participant.timeZone ?? session.study!.timeZone ?? session.study!.workspace!.timeZone,
      language: participant.language,
    };
  }

  /** S7: the participant's phone goes, and with it their SMS consent (REVOKED, MANAGE_BOOKING). */
  async removePhone(manageToken: string, meta: RequestMeta): Promise<ManagedBookingView> {
    // A8: the page's mutations are limited per IP before anything changes.
    await this.limits.manage({ ip: meta.ip, link: manageToken });
    return this.dataSource.transaction(async (manager) => {
      const booking = await this.find(manager, manageToken);
      const participant = await lockForUpdate(manager.createQueryBuilder(Participant, 'participant'))
        .where('participant.id = :id', { id: booking.participantId })
        .getOne();
      if (!participant) throw notFound('Booking');
      if (participant.phone !== null || participant.smsConsent) {
        await manager.update(Participant, { id: participant.id }, { phone: null, smsConsent: false });
        const session = booking.session!;
        await this.consent.record(
          manager,
          consentTransition(participant, { phone: null, smsConsent: false }, {
            source: ConsentSource.MANAGE_BOOKING,
            studyId: session.studyId,
            sessionId: session.id,
            bookingId: booking.id,
            ipAddress: meta.ip,
            userAgent: meta.userAgent,
            actorLabel: 'participant',
          }),
        );
      }
      return this.view(manageToken, manager);
    });
  }

  /** T1: the participant's zone, chosen on the manage-booking page. */
  async setTimeZone(manageToken: string, timeZone: string): Promise<ManagedBookingView> {
    const zone = parseTimeZone(timeZone);
    return this.dataSource.transaction(async (manager) => {
      const booking = await this.find(manager, manageToken);
      await manager.update(Participant, { id: booking.participantId }, { timeZone: zone });
      return this.view(manageToken, manager);
    });
  }

  /** S7: cancelling twice is the same as once. S6: the cancellation text goes, the reminder does not. */
  async cancel(manageToken: string, meta: RequestMeta, now = new Date()): Promise<ManagedBookingView> {
    // A8: a cancellation texts; limited per IP before anything changes.
    await this.limits.manage({ ip: meta.ip, link: manageToken });
    let queued: CommsLogEntry[] = [];
    let cancelledBookingId: string | null = null;
    const view = await this.dataSource.transaction(async (manager) => {
      const booking = await this.find(manager, manageToken);
      if (booking.status !== BookingStatus.CANCELLED) {
        if (booking.session!.startsAt.getTime() <= now.getTime()) throw conflict('This session has already started');
        await manager.update(Booking, { id: booking.id }, { status: BookingStatus.CANCELLED, cancelledAt: now });
        queued = await this.delivery.record(manager, [cancelledIntent(booking, booking.session!, now)]);
        cancelledBookingId = booking.id;
      }
      return this.view(manageToken, manager);
    });
    if (cancelledBookingId) {
      await this.delivery.dropQueued({ bookingId: cancelledBookingId, kind: In(DROPPED_ON_CANCEL) });
      await this.delivery.schedule(queued);
    }
    return view;
  }

  private async find(manager: EntityManager, manageToken: string): Promise<Booking> {
    const booking = await lockForUpdate(manager.createQueryBuilder(Booking, 'booking'))
      .innerJoinAndSelect('booking.session', 'session')
      .where('booking.manageToken = :manageToken', { manageToken })
      .getOne();
    if (!booking) throw notFound('Booking');
    return booking;
  }
}
