import { DateTime, IANAZone } from 'luxon';
import { LOCALE, type Language } from './language.js';
import { badInput } from './tock-error.js';

/** T1: the zone of a workspace created without one. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** T1: an IANA zone name ("America/New_York"), canonical as the tz database spells it; anything else is a field error. */
export function parseTimeZone(value: string, field = 'timeZone'): string {
  const name = value.trim();
  // Luxon accepts fixed offsets ("UTC+3") too; only named tz database zones are allowed.
  if (!name || !IANAZone.isValidZone(name) || /^(?:UTC|GMT)?[+-]\d/iu.test(name)) {
    throw badInput(field, `${value} is not an IANA time zone name such as America/New_York`);
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** T1: "Tue, Dec 1, 9:00 AM PST" (English) or "mar, 1 de dic, 9:00 a.m. PST" (Spanish), in the zone. */
export function formatDateTime(at: Date, zone: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** T1: "2:00 PM EST", in the zone. */
export function formatTime(at: Date, zone: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { timeZone: zone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);
}

/** A calendar day (YYYY-MM-DD) as people read it: "Mon, Dec 7" / "lun, 7 de dic". */
export function formatDay(isoDate: string, language: Language): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).setLocale(LOCALE[language]).toLocaleString({ weekday: 'short', month: 'short', day: 'numeric' });
}

/** T1: the instant a wall-clock day starts in the zone (a Monday's midnight, across DST changes). */
export function startOfDayIn(isoDate: string, zone: string): Date {
  return DateTime.fromISO(isoDate, { zone }).startOf('day').toJSDate();
}
