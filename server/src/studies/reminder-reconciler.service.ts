import type { DataSource } from 'typeorm';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import { reminderIntent } from './booking-messages.js';
import { Booking } from './booking.entity.js';
import { BookingStatus, SessionStatus } from './session-status.enum.js';
import type { StudySession } from './study-session.entity.js';

/** How far ahead the reconciler makes sure reminders exist. */
const RECONCILE_HORIZON_MS = 24 * 60 * 60_000;

// S4: every booked session starting within the horizon has its reminder. A
// crash between a booking's commit and its reminder's record leaves one
// missing; idempotency keys make a second run record nothing.
export class ReminderReconciler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: Pick<DeliveryService, 'record' | 'schedule'>,
  ) {}

  /** The reminders recorded now (0 when every booking had its own). */
  async ensureReminders(now: Date): Promise<number> {
    const earliest = new Date(now.getTime() + 15 * 60_000);
    const latest = new Date(now.getTime() + RECONCILE_HORIZON_MS);
    const bookings = await this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('booking')
      .innerJoinAndSelect('booking.session', 'session')
      .where('booking.status = :booked AND session.status = :scheduled', { booked: BookingStatus.BOOKED, scheduled: SessionStatus.SCHEDULED })
      .andWhere('session.startsAt > :earliest AND session.startsAt <= :latest', { earliest, latest })
      .getMany();
    if (bookings.length === 0) return 0;
    const intents = bookings.map((booking) => reminderIntent(booking, booking.session as StudySession));
    const created = await this.dataSource.transaction((manager) => this.delivery.record(manager, intents, now));
    await this.delivery.schedule(created);
    return created.length;
  }
}
