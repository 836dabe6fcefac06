import { DateTime } from 'luxon';

/** T3: a daily window, as minutes after local midnight, in which texts that can wait are held. */
export interface QuietHours {
  /** Minute of the day the quiet starts (21:00 = 1260). */
  startMinute: number;
  /** Minute of the day sending may resume (08:00 = 480). */
  endMinute: number;
}

/** T3: TCPA's 8 am to 9 pm window is the anchor. */
export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 };

/** "21:00" -> 1260; null when the text is not HH:MM. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/u.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * T3: null when `now` is outside the quiet window in the zone, else the next
 * allowed minute: the window's end on the local clock, on the same or the next
 * day (a window may wrap midnight). Luxon resolves a wall time a DST change
 * skips to the first instant after it.
 */
export function quietUntil(now: Date, zone: string, quiet: QuietHours): Date | null {
  const { startMinute, endMinute } = quiet;
  if (startMinute === endMinute) return null;
  const local = DateTime.fromJSDate(now, { zone });
  const minute = local.hour * 60 + local.minute;
  const wraps = startMinute > endMinute;
  const inside = wraps ? minute >= startMinute || minute < endMinute : minute >= startMinute && minute < endMinute;
  if (!inside) return null;
  const endToday = local.set({ hour: Math.floor(endMinute / 60), minute: endMinute % 60, second: 0, millisecond: 0 });
  // Before the end on the clock: it ends today; otherwise (late evening of a wrapping window) tomorrow.
  const end = minute < endMinute ? endToday : endToday.plus({ days: 1 }).set({ hour: Math.floor(endMinute / 60), minute: endMinute % 60 });
  return end.toJSDate();
}
