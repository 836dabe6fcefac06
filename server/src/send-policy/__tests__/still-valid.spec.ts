import { describe, expect, it } from 'vitest';
import { stillValid, type TextSubject } from '../still-valid.js';

const nine = new Date('2026-03-02T09:00:00Z');
const ten = new Date('2026-03-02T10:00:00Z');

describe('S6: stillValid, the pure "does this still hold" check', () => {
  it.each<[string, TextSubject, boolean]>([
    ['a keyword reply or a cancellation always holds', { about: 'nothing' }, true],
    ['K9: an opt-in confirmation holds for the number that was opted in', { about: 'number', textedNumber: '+14155550100', currentNumber: '+14155550100' }, true],
    ['K9: an opt-in confirmation for a number changed since does not hold', { about: 'number', textedNumber: '+14155550100', currentNumber: '+14155550199' }, false],
    ['S6: a reminder for a booked, scheduled session at the time it names holds', { about: 'booking', booked: true, sessionScheduled: true, sessionStart: nine, describedStart: nine }, true],
    ['S6: a text that names no time holds while the booking does', { about: 'booking', booked: true, sessionScheduled: true, sessionStart: nine, describedStart: null }, true],
    ['S6: a reminder for a session moved since does not hold', { about: 'booking', booked: true, sessionScheduled: true, sessionStart: ten, describedStart: nine }, false],
    ['S6: a reminder for a cancelled booking does not hold', { about: 'booking', booked: false, sessionScheduled: true, sessionStart: nine, describedStart: nine }, false],
    ['S6: a reminder for a cancelled session does not hold', { about: 'booking', booked: true, sessionScheduled: false, sessionStart: nine, describedStart: nine }, false],
    ['E6: a shift alert for a published shift at the time it names holds', { about: 'shift', shiftStart: nine, weekPublished: true, describedStart: nine }, true],
    ['E6: a shift alert for a deleted shift does not hold', { about: 'shift', shiftStart: null, weekPublished: true, describedStart: nine }, false],
    ['E6: a shift alert for a week no longer published does not hold', { about: 'shift', shiftStart: nine, weekPublished: false, describedStart: nine }, false],
    ['E6: a shift alert for a shift moved since does not hold', { about: 'shift', shiftStart: ten, weekPublished: true, describedStart: nine }, false],
    ['E4: a published week with shifts holds', { about: 'week', weekPublished: true, shiftCount: 3 }, true],
    ['E4: a published week with no shift left does not hold', { about: 'week', weekPublished: true, shiftCount: 0 }, false],
    ['E4: an unpublished week does not hold', { about: 'week', weekPublished: false, shiftCount: 3 }, false],
    ['E6: the answer to a decided time-off request holds', { about: 'timeOff', decided: true }, true],
    ['E6: the answer to a request still pending does not hold', { about: 'timeOff', decided: false }, false],
  ])('%s', (_rule, subject, expected) => {
    expect(stillValid(subject)).toBe(expected);
  });
});
