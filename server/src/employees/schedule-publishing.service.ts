import { randomUUID } from 'node:crypto';
import { In, LessThanOrEqual, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { badInput } from '../common/tock-error.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import { FAN_OUT_CHUNK, type FanOutLog, type FanOutRequest, type FanOutScheduler } from '../messaging/delivery/fan-out.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { publishedIntent, shiftAlertIntent, type UpcomingShift } from './employee-messages.js';
import { parseIsoDate } from './iso-date.util.js';
import { planPublish, PublishAudience, type PublishableWeek, type PublishPlan } from './publish-audience.js';
import { ScheduleWeek } from './schedule-week.entity.js';
import { Shift } from './shift.entity.js';

/** How far past the lead time the shift-alert job looks ahead, so each run records a little in advance. */
const SHIFT_ALERT_HORIZON_MS = 60 * 60_000;

interface PublishResult {
  weeksPublished: number;
  messagesQueued: number;
  /** C3: employees with shifts left untexted because their shifts had not changed. */
  employeesUnchanged: number;
}

/** C3: what a publish of this week would text, counted before anything is sent. */
interface PublishPreview {
  weekStart: string;
  weeks: number;
  changed: number;
  everyone: number;
}

// Stored digests are updated in chunks of one CASE statement each.
const DIGEST_CHUNK = 500;

export class SchedulePublishingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
    private readonly fanOut: { scheduler: FanOutScheduler; log: FanOutLog },
  ) {}

  /** C3: both counts (changed employees, everyone with shifts) for the publish dialog; changes nothing. */
  async preview(workspaceId: string, weekStart: string): Promise<PublishPreview> {
    parseIsoDate(weekStart, 'weekStart');
    const { weeks, publishable } = await this.load(this.dataSource.manager, workspaceId, weekStart, false);
    const plan = planPublish(publishable, PublishAudience.CHANGED);
    return { weekStart, weeks: weeks.length, changed: plan.changed, everyone: plan.everyone };
  }

  /**
   * E6 + C3: publishes every employee's week starting `weekStart`. By default only
   * employees whose shifts changed since the last publish get SCHEDULE_PUBLISHED;
   * `audience` EVERYONE texts every employee with shifts. The request records
   * the decision (publishedAt, the digests, who is texted); fan-out jobs record
   * the texts (item 9: thousands of recipients must not hold the request).
   */
  async publish(
    workspaceId: string,
    weekStart: string,
    idempotencyKey?: string | null,
    now = new Date(),
    audience: PublishAudience = PublishAudience.CHANGED,
  ): Promise<PublishResult> {
    parseIsoDate(weekStart, 'weekStart');
    const publishKey = idempotencyKey ? `key:${idempotencyKey}` : randomUUID();
    const result = await this.dataSource.transaction(async (manager) => {
      // Locked, so two publishes of one week agree on what changed.
      const { weeks, publishable } = await this.load(manager, workspaceId, weekStart, true);
      if (weeks.length === 0) throw badInput('weekStart', `No schedules saved for the week of ${weekStart}`);
      const plan = planPublish(publishable, audience);
      await manager.update(ScheduleWeek, { workspaceId, weekStart }, { publishedAt: now });
      await this.storeDigests(manager, plan.digests);
      return { weeksPublished: weeks.length, employeesUnchanged: plan.everyone - plan.notify.length, notify: plan.notify };
    });
    const { notify, ...counts } = result;
    // A retry with the same key records nothing more: count only texts not yet recorded.
    const known = await this.delivery.countRecorded(notify.map((id) => publishedIntent({ id } as ScheduleWeek, publishKey, now).idempotencyKey));
    for (let i = 0; i < notify.length; i += FAN_OUT_CHUNK) {
      await this.fanOut.scheduler.requestFanOut({ kind: 'schedule-published', workspaceId, weekStart, weekIds: notify.slice(i, i + FAN_OUT_CHUNK), publishKey, at: now.toISOString() });
    }
    return { ...counts, messagesQueued: notify.length - known };
  }

  /** Item 9, in a worker: records and schedules one chunk of a publish's texts. */
  async recordPublished(request: Extract<FanOutRequest, { kind: 'schedule-published' }>): Promise<number> {
    const now = new Date(request.at);
    const weeks = await this.dataSource.getRepository(ScheduleWeek).findBy({ id: In(request.weekIds), workspaceId: request.workspaceId });
    // Recorded in one transaction, scheduled once it committed.
    const created = await this.dataSource.transaction((manager) =>
      this.delivery.record(
        manager,
        weeks.map((w) => publishedIntent(w, request.publishKey, now)),
      ),
    );
    await this.delivery.schedule(created);
    const recorded = created.length;
    this.fanOut.log(`schedule published ${request.weekStart} (${request.workspaceId}): ${recorded} of ${request.weekIds.length} recipients of this chunk recorded`);
    return recorded;
  }

  // The week's schedules and the shift times of each, for planPublish.
  private async load(manager: EntityManager, workspaceId: string, weekStart: string, lock: boolean) {
    const query = manager.createQueryBuilder(ScheduleWeek, 'week').where('week.workspaceId = :workspaceId AND week.weekStart = :weekStart', { workspaceId, weekStart });
    const weeks = await (lock ? lockForUpdate(query) : query).getMany();
    const shifts = await manager
      .createQueryBuilder(Shift, 'shift')
      .innerJoin(ScheduleWeek, 'week', 'week.id = shift.scheduleWeekId')
      .select(['shift.scheduleWeekId', 'shift.startsAt', 'shift.endsAt'])
      .where('week.workspaceId = :workspaceId AND week.weekStart = :weekStart', { workspaceId, weekStart })
      .getMany();
    const byWeek = new Map<string, PublishableWeek['shifts']>();
    for (const shift of shifts) byWeek.set(shift.scheduleWeekId, [...(byWeek.get(shift.scheduleWeekId) ?? []), shift]);
    const publishable = weeks.map<PublishableWeek>((w) => ({ weekId: w.id, shifts: byWeek.get(w.id) ?? [], publishedDigest: w.publishedShiftsDigest }));
    return { weeks, publishable };
  }

  // C3: remembers what each employee was told, set-based (one UPDATE … CASE per chunk).
  private async storeDigests(manager: EntityManager, digests: PublishPlan['digests']): Promise<void> {
    for (let i = 0; i < digests.length; i += DIGEST_CHUNK) {
      const chunk = digests.slice(i, i + DIGEST_CHUNK);
      const params: Record<string, string> = {};
      const cases = chunk.map((d, j) => {
        params[`w${j}`] = d.weekId;
        params[`d${j}`] = d.digest;
        return `WHEN :w${j} THEN :d${j}`;
      });
      await manager
        .createQueryBuilder()
        .update(ScheduleWeek)
        .set({ publishedShiftsDigest: () => `CASE id ${cases.join(' ')} END` })
        .where('id IN (:...ids)', { ids: chunk.map((d) => d.weekId) })
        .setParameters(params)
        .execute();
    }
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
