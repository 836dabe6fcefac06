// Schedule weeks are named by their Monday as a calendar date (YYYY-MM-DD), not an instant.
const weekLabel = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** The Monday on or before a YYYY-MM-DD date. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return '';
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** This week's Monday in the viewer's calendar. */
export function thisMonday(): string {
  const now = new Date();
  const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return mondayOf(local);
}

/** "Week of Nov 23, 2026"; `lower` for use inside a sentence. */
export function formatWeek(weekStart: string, lower = false): string {
  return `${lower ? 'week' : 'Week'} of ${weekLabel.format(new Date(`${weekStart}T00:00:00Z`))}`;
}

/** A datetime-local value on a day of the week, in the viewer's zone. */
export function localOn(weekStart: string, dayOffset: number, hour: number): string {
  const [year, month, day] = weekStart.split('-').map(Number);
  const at = new Date(year, month - 1, day + dayOffset, hour, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:00`;
}

/** A datetime-local value moved by whole days (wall-clock time kept). */
export function moveLocal(value: string, days: number): string {
  const moved = new Date(`${value}:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 16);
}

/** Whole days from one Monday to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
