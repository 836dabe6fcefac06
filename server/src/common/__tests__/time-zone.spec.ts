import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { Language, languageFromTags } from '../language.js';
import { DEFAULT_QUIET_HOURS, parseClock, quietUntil } from '../quiet-hours.util.js';
import { formatDateTime, parseTimeZone } from '../time-zone.util.js';

const NEW_YORK = 'America/New_York';
// Computed from the rule, never from today's weekday: the first Sunday of November of next year.
const first = DateTime.fromObject({ year: DateTime.now().year + 1, month: 11, day: 1 }, { zone: NEW_YORK });
const fallBack = first.plus({ days: (7 - first.weekday) % 7 });

describe('time and language helpers', () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    ['america/los_angeles', 'America/Los_Angeles'],
    ['UTC', 'UTC'],
    ['Europe/Madrid', 'Europe/Madrid'],
  ])('T1: %s is an IANA zone (%s)', (input, canonical) => {
    expect(parseTimeZone(input)).toBe(canonical);
  });

  it.each(['Eastern', 'EST5EDT6', 'UTC+3', '+05:00', 'Mars/Olympus_Mons', ''])('T1: %j is refused as a field error', (input) => {
    expect(() => parseTimeZone(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'timeZone' }));
  });

  it('T1: the 1:30 AM that happens twice on the fall-back night is written with its own abbreviation', () => {
    const edt = fallBack.set({ hour: 1, minute: 30 });
    const est = edt.plus({ hours: 1 });
    expect(formatDateTime(edt.toJSDate(), NEW_YORK, Language.EN)).toMatch(/1:30 AM EDT$/);
    expect(formatDateTime(est.toJSDate(), NEW_YORK, Language.EN)).toMatch(/1:30 AM EST$/);
    expect(formatDateTime(est.toJSDate(), NEW_YORK, Language.ES)).toMatch(/1:30 a\. ?m\. EST$/);
  });

  it.each<[string, number, number, number | null]>([
    ['22:30 is quiet until 08:00 the next morning', 22, 30, 8],
    ['03:00 is quiet until 08:00 the same morning', 3, 0, 8],
    ['07:59 is still quiet', 7, 59, 8],
    ['08:00 is the first allowed minute', 8, 0, null],
    ['20:59 is allowed', 20, 59, null],
    ['21:00 is quiet', 21, 0, 8],
  ])('T3: %s (recipient zone)', (_name, hour, minute, untilHour) => {
    const now = DateTime.now().setZone(NEW_YORK).plus({ days: 2 }).set({ hour, minute, second: 0, millisecond: 0 });
    const until = quietUntil(now.toJSDate(), NEW_YORK, DEFAULT_QUIET_HOURS);
    if (untilHour === null) return expect(until).toBeNull();
    const local = DateTime.fromJSDate(until!, { zone: NEW_YORK });
    expect([local.hour, local.minute]).toEqual([untilHour, 0]);
    expect(local.toISODate()).toBe(hour >= 21 ? now.plus({ days: 1 }).toISODate() : now.toISODate());
  });

  it('T3: across the fall-back night the hold ends at 08:00 local, 10.5 hours after 22:30 rather than 9.5', () => {
    const evening = fallBack.minus({ days: 1 }).set({ hour: 22, minute: 30 });
    const until = quietUntil(evening.toJSDate(), NEW_YORK, DEFAULT_QUIET_HOURS)!;
    expect(until.getTime() - evening.toMillis()).toBe(10.5 * 3600_000);
  });

  it('T3: a window that does not wrap midnight (13:00 to 14:00) holds only inside it', () => {
    const window = { startMinute: parseClock('13:00')!, endMinute: parseClock('14:00')! };
    const day = DateTime.now().setZone(NEW_YORK).plus({ days: 2 });
    expect(quietUntil(day.set({ hour: 13, minute: 30 }).toJSDate(), NEW_YORK, window)).toEqual(day.set({ hour: 14, minute: 0, second: 0, millisecond: 0 }).toJSDate());
    expect(quietUntil(day.set({ hour: 12, minute: 59 }).toJSDate(), NEW_YORK, window)).toBeNull();
  });

  it.each([
    ['es-MX,es;q=0.9,en;q=0.8', Language.ES],
    ['en-US,en;q=0.9', Language.EN],
    ['fr-FR,es;q=0.5', Language.ES],
    ['de-DE', Language.EN],
  ])('T2: a browser saying %j gets %s', (tags, language) => {
    expect(languageFromTags(tags)).toBe(language);
  });
});
