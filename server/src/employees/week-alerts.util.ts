import { In, type EntityManager } from 'typeorm';
import { ScheduleWeek } from './schedule-week.entity.js';

/** E5: turns Send SMS Alert on for every existing week of these employees, in one set-based UPDATE. */
export async function turnOnWeekAlerts(manager: EntityManager, employeeIds: string[]): Promise<number> {
  if (employeeIds.length === 0) return 0;
  const result = await manager.update(ScheduleWeek, { employeeId: In(employeeIds), sendSmsAlert: false }, { sendSmsAlert: true });
  return result.affected ?? 0;
}
