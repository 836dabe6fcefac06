import { randomUUID } from 'node:crypto';
import { In, LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import type { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import { badInput } from '../common/tock-error.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { publishedIntent, shiftAlertIntent, type UpcomingShift } from './employee-messages.js';
import { parseIsoDate } from './iso-date.util.js';
import { ScheduleWeek } from './schedule-week.entity.js';
import { Shift } from './shift.entity.js';

/** How far past the lead time the shift-alert job looks ahead, so each run records a little in advance. */
export const SHIFT_ALERT_HORIZON_MS = 60 * 60_000;

export interface PublishResult {
  weeksPublished: number;
  messagesQueued: number;
}

export class SchedulePublishingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
  ) {}

  /** E6: publishes every employee's week starting `weekStart`; employees with shifts in it get SCHEDULE_PUBLISHED. */
  async publish(workspaceId: string, weekStart: string, idempotencyKey?: string | null, now = new Date()): Promise<PublishResult> {
    parseIsoDate(weekStart, 'weekStart');
    const publishKey = idempotencyKey ? `key:${idempotencyKey}` : randomUUID();
    let queued: CommsLogEntry[] = [];
    const weeksPublished = await this.dataSource.transaction(async (manager) => {
      const weeks = await manager.findBy(ScheduleWeek, { workspaceId, weekStart });
      if (weeks.length === 0) throw badInput('weekStart', `No schedules saved for the week of ${weekStart}`);
      await manager.update(ScheduleWeek, { workspaceId, weekStart }, { publishedAt: now });
      const withShifts = await manager
        .createQueryBuilder(Shift, 'shift')
        .select('DISTINCT shift.scheduleWeekId', 'weekId')
        .where('shift.scheduleWeekId IN (:...ids)', { ids: weeks.map((w) => w.id) })
        .getRawMany<{ weekId: string }>();
      const notify = new Set(withShifts.map((r) => r.weekId));
      queued = await this.delivery.record(
        manager,
        weeks.filter((w) => notify.has(w.id)).map((w) => publishedIntent(w, publishKey, now)),
      );
      return weeks.length;
    });
    await this.delivery.schedule(queued);
    return { weeksPublished, messagesQueued: queued.length };
  }

  /**
   * E6: the recurring shift-alert job. Records an alert for every shift of a
   * published week whose alert is due within the horizon; the idempotency key
   * makes running it any number of times safe.
   */
  async queueDueShiftAlerts(now = new Date()): Promise<number> {
    const maxLead = (await this.dataSource.getRepository(Workspace).maximum('shiftAlertLeadMinutes')) ?? 30;
    const horizonEnd = new Date(now.getTime() + maxLead * 60_000 + SHIFT_ALERT_HORIZON_MS);
    const shifts = await this.dataSource
      .getRepository(Shift)
      .createQueryBuilder('shift')
      .innerJoin(ScheduleWeek, 'week', 'week.id = shift.scheduleWeekId')
      .where({ startsAt: MoreThan(now) })
      .andWhere({ startsAt: LessThanOrEqual(horizonEnd) })
      .andWhere('week.publishedAt IS NOT NULL')
      .getMany();
    if (shifts.length === 0) return 0;
    const workspaces = await this.dataSource.getRepository(Workspace).findBy({ id: In([...new Set(shifts.map((s) => s.workspaceId))]) });
    const leadOf = new Map(workspaces.map((w) => [w.id, w.shiftAlertLeadMinutes]));
    const due = shifts
      .map<UpcomingShift>((s) => ({ ...s, leadMinutes: leadOf.get(s.workspaceId) ?? 30 }))
      .filter((s) => s.startsAt.getTime() - s.leadMinutes * 60_000 <= now.getTime() + SHIFT_ALERT_HORIZON_MS);
    if (due.length === 0) return 0;
    const queued = await this.dataSource.transaction((manager) => this.delivery.record(manager, due.map((s) => shiftAlertIntent(s, now))));
    await this.delivery.schedule(queued);
    return queued.length;
  }
}
