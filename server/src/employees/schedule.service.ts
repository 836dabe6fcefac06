import type { DataSource } from 'typeorm';
import { badInput, notFound } from '../common/tock-error.js';
import { newId } from '../db/id.util.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import { paginate, type ConnectionShape, type Page } from '../db/paginate.js';
import type { SaveScheduleWeekInput, ScheduleWeekFilter, ShiftInput } from './dtos/schedule.inputs.js';
import { Employee } from './employee.entity.js';
import { parseIsoDate } from './iso-date.util.js';
import { ScheduleWeek } from './schedule-week.entity.js';
import { Shift } from './shift.entity.js';
import { parseWeekStart, weekWindowIn } from './week-start.util.js';
import { Workspace } from '../workspaces/workspace.entity.js';

const DAY = 24 * 60 * 60 * 1000;
const MAX_SHIFTS_PER_WEEK = 14;

// T1: a shift belongs to the week it starts in, on the workspace's clock
// (Monday 00:00 to the next Monday 00:00); a Sunday night shift may end on Monday.
function checkShifts(shifts: ShiftInput[], weekStart: string, zone: string): void {
  if (shifts.length > MAX_SHIFTS_PER_WEEK) throw badInput('shifts', `A week has at most ${MAX_SHIFTS_PER_WEEK} shifts`);
  const { from, to } = weekWindowIn(weekStart, zone);
  shifts.forEach((shift, i) => {
    if (shift.endsAt.getTime() <= shift.startsAt.getTime()) throw badInput(`shifts.${i}.endsAt`, 'A shift must end after it starts');
    if (shift.startsAt < from || shift.startsAt >= to) throw badInput(`shifts.${i}.startsAt`, `A shift must start inside its week (Monday to Sunday, ${zone})`);
    if (shift.endsAt.getTime() - shift.startsAt.getTime() > DAY) throw badInput(`shifts.${i}.endsAt`, 'A shift lasts at most 24 hours');
  });
}

export class ScheduleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Ordered by week, then id (keyset). */
  list(workspaceId: string, filter: ScheduleWeekFilter | null | undefined, page: Page): Promise<ConnectionShape<ScheduleWeek>> {
    const qb = this.dataSource.getRepository(ScheduleWeek).createQueryBuilder('w').where('w.workspaceId = :workspaceId', { workspaceId });
    if (filter?.employeeId) qb.andWhere('w.employeeId = :employeeId', { employeeId: filter.employeeId });
    if (filter?.weekStart) {
      parseIsoDate(filter.weekStart, 'filter.weekStart');
      qb.andWhere('w.weekStart = :weekStart', { weekStart: filter.weekStart });
    }
    if (filter?.published != null) qb.andWhere(`w.publishedAt IS ${filter.published ? 'NOT NULL' : 'NULL'}`);
    return paginate(qb, page, { property: 'weekStart', direction: 'ASC', kind: 'string' });
  }

  async get(workspaceId: string, id: string): Promise<ScheduleWeek> {
    const week = await this.dataSource.getRepository(ScheduleWeek).findOneBy({ id, workspaceId });
    if (!week) throw notFound('Schedule week');
    return week;
  }

  /** Upserts one employee's week by (employee, weekStart) and replaces its shifts. */
  async saveWeek(workspaceId: string, input: SaveScheduleWeekInput): Promise<ScheduleWeek> {
    parseWeekStart(input.weekStart);
    const workspace = await this.dataSource.getRepository(Workspace).findOneByOrFail({ id: workspaceId });
    checkShifts(input.shifts, input.weekStart, workspace.timeZone);
    return this.dataSource.transaction(async (manager) => {
      // Locking the employee orders this save against an opt-in change (E4/E5)
      // and against a concurrent first save of the same week.
      const employee = await lockForUpdate(manager.createQueryBuilder(Employee, 'e'))
        .where('e.id = :id AND e.workspaceId = :workspaceId', { id: input.employeeId, workspaceId })
        .getOne();
      if (!employee) throw notFound('Employee');
      const existing = await manager.findOneBy(ScheduleWeek, { employeeId: employee.id, weekStart: input.weekStart });
      let weekId: string;
      if (existing) {
        // E4: a saved week keeps what the manager last set unless told otherwise.
        weekId = existing.id;
        await manager.update(ScheduleWeek, { id: weekId }, { sendSmsAlert: input.sendSmsAlert ?? existing.sendSmsAlert });
        await manager.delete(Shift, { scheduleWeekId: weekId });
      } else {
        // E4: a new week defaults to the employee's smsOptIn.
        weekId = newId();
        await manager.insert(ScheduleWeek, {
          id: weekId,
          workspaceId,
          employeeId: employee.id,
          weekStart: input.weekStart,
          sendSmsAlert: input.sendSmsAlert ?? employee.smsOptIn,
          publishedAt: null,
        });
      }
      if (input.shifts.length) {
        await manager.insert(
          Shift,
          input.shifts.map((shift) => ({
            id: newId(),
            workspaceId,
            scheduleWeekId: weekId,
            employeeId: employee.id,
            startsAt: shift.startsAt,
            endsAt: shift.endsAt,
            note: shift.note?.trim() || null,
          })),
        );
      }
      return manager.findOneByOrFail(ScheduleWeek, { id: weekId });
    });
  }

  /** The week's Send SMS Alert switch, set by the manager (E4). */
  async setSmsAlert(workspaceId: string, weekId: string, enabled: boolean): Promise<ScheduleWeek> {
    const week = await this.get(workspaceId, weekId);
    if (week.sendSmsAlert !== enabled) await this.dataSource.getRepository(ScheduleWeek).update({ id: week.id, workspaceId }, { sendSmsAlert: enabled });
    return this.get(workspaceId, weekId);
  }
}
