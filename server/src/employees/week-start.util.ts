import { DateTime } from 'luxon';
import { startOfDayIn } from '../common/time-zone.util.js';
import { badInput } from '../common/tock-error.js';
import { parseIsoDate } from './iso-date.util.js';

// A schedule week is named by its Monday, YYYY-MM-DD; returns midnight UTC of it.
export function parseWeekStart(value: string, field = 'weekStart'): Date {
  const date = parseIsoDate(value, field);
  if (date.getUTCDay() !== 1) throw badInput(field, `${value} is not a Monday`);
  return date;
}

/**
 * T1: a week runs from its Monday's midnight to the next Monday's midnight on
 * the workspace's clock; across a daylight-saving change that is 167 or 169
 * hours, not 168.
 */
export function weekWindowIn(weekStart: string, zone: string): { from: Date; to: Date } {
  const nextMonday = DateTime.fromISO(weekStart, { zone: 'UTC' }).plus({ days: 7 }).toISODate()!;
  return { from: startOfDayIn(weekStart, zone), to: startOfDayIn(nextMonday, zone) };
}
