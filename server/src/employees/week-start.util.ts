import { badInput } from '../common/tock-error.js';
import { parseIsoDate } from './iso-date.util.js';

// A schedule week is named by its Monday, YYYY-MM-DD; returns midnight UTC of it.
export function parseWeekStart(value: string, field = 'weekStart'): Date {
  const date = parseIsoDate(value, field);
  if (date.getUTCDay() !== 1) throw badInput(field, `${value} is not a Monday`);
  return date;
}
