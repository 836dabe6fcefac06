import { LessThanOrEqual, Not, type DataSource } from 'typeorm';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import type { DeliveryService } from './delivery.service.js';
import type { MessageScheduler } from './message-intent.js';

/** A QUEUED entry this far past due has lost its job (a crash between commit and job insert). */
const LOST_JOB_GRACE_MS = 2 * 60_000;

/** A domain's own repair, run with the reconciler's (S4: studies/ re-records missing reminders). */
interface ReminderRepair {
  /** How many texts it recorded. */
  ensureReminders(now: Date): Promise<number>;
}

interface ReconcileReport {
  remindersRecorded: number;
  jobsRescheduled: number;
  interrupted: number;
}

// Repairs what a crash between a database commit and a job insert can leave
// behind. Idempotency keys and unique jobs make it safe to run at any time.
export class ReconcilerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
    private readonly scheduler: MessageScheduler,
    /** L6: a SENDING entry untouched this long belongs to a worker that died mid-send (SEND_INTERRUPTED_AFTER_MS). */
    private readonly interruptedAfterMs: number,
    private readonly reminders: ReminderRepair,
  ) {}

  async run(now = new Date()): Promise<ReconcileReport> {
    const remindersRecorded = await this.reminders.ensureReminders(now);
    const jobsRescheduled = await this.requeueLost(new Date(now.getTime() - LOST_JOB_GRACE_MS), now);
    const interrupted = await this.delivery.markInterrupted(new Date(now.getTime() - this.interruptedAfterMs), now);
    return { remindersRecorded, jobsRescheduled, interrupted };
  }

  /**
   * Entries still QUEUED though due before `dueBefore` have lost their job (a
   * crash between commit and job insert, or a job store write lost in a
   * database blip): their job is put back, due now. Unique jobs make a repeat harmless.
   */
  async requeueLost(dueBefore: Date, now = new Date()): Promise<number> {
    const lost = await this.dataSource.getRepository(CommsLogEntry).find({
      select: { id: true },
      // K9: opt-in confirmations have no job of their own; their lane sends them.
      where: { status: MessageStatus.QUEUED, kind: Not(MessageKind.OPT_IN_CONFIRMATION), scheduledFor: LessThanOrEqual(dueBefore) },
      take: 5000,
    });
    for (const entry of lost) await this.scheduler.scheduleSend(String(entry.id), now);
    return lost.length;
  }
}
