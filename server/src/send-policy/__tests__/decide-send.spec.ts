import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { decideSend, EVENT_TEXT_CAP, type SendFacts } from '../decide-send.js';
import { SkipReason } from '../skip-reason.js';

const now = new Date();
const participant: SendFacts = {
  audience: 'PARTICIPANT',
  stillValid: true,
  workspaceSmsEnabled: true,
  deliveryConfigured: true,
  studySmsEnabled: true,
  consented: true,
  phone: '+14155550100',
  optedOut: false,
  weekAlertsOn: null,
  eventTextsSoFar: 0,
  destinationAllowed: true,
  suspectedAbuse: false,
  latestUsefulAt: null,
};
const shiftAlert: SendFacts = { ...participant, audience: 'EMPLOYEE', studySmsEnabled: null, weekAlertsOn: true };
const keywordReply: SendFacts = { ...participant, audience: 'KEYWORD_REPLY', studySmsEnabled: null };

describe('decideSend', () => {
  it('L8: a text whose latest useful time has come is SKIPPED TOO_LATE; one still in time is sent', () => {
    const startsAt = new Date(now.getTime() + 60_000);
    expect(decideSend({ ...participant, latestUsefulAt: startsAt }, now)).toEqual({ action: 'send' });
    expect(decideSend({ ...participant, latestUsefulAt: startsAt }, startsAt)).toEqual({ action: 'skip', reason: SkipReason.TOO_LATE });
    expect(decideSend({ ...shiftAlert, latestUsefulAt: startsAt }, new Date(startsAt.getTime() + 1))).toEqual({ action: 'skip', reason: SkipReason.TOO_LATE });
    // A changed session is reported as such, not as late.
    expect(decideSend({ ...participant, stillValid: false, latestUsefulAt: now }, now)).toEqual({ action: 'skip', reason: SkipReason.NO_LONGER_VALID });
  });

  it('sends when every rule holds', () => {
    expect(decideSend(participant, now)).toEqual({ action: 'send' });
    expect(decideSend(shiftAlert, now)).toEqual({ action: 'send' });
    expect(decideSend({ ...shiftAlert, weekAlertsOn: null }, now)).toEqual({ action: 'send' });
  });

  it.each<[string, Partial<SendFacts>, SkipReason]>([
    ['S6: a reminder never goes for a time that no longer holds', { stillValid: false }, SkipReason.NO_LONGER_VALID],
    ['W2: workspace SMS off holds back everything', { workspaceSmsEnabled: false }, SkipReason.WORKSPACE_SMS_DISABLED],
    ['S1: study reminders off', { studySmsEnabled: false }, SkipReason.STUDY_SMS_DISABLED],
    ['S2: no consent', { consented: false }, SkipReason.NOT_OPTED_IN],
    ['S2: no phone', { phone: null }, SkipReason.NO_PHONE],
    ['K2: the number opted out', { optedOut: true }, SkipReason.OPTED_OUT],
    ['W3: delivery not configured', { deliveryConfigured: false }, SkipReason.DELIVERY_NOT_CONFIGURED],
    ['S5: the 7th text of an event', { eventTextsSoFar: EVENT_TEXT_CAP }, SkipReason.EVENT_CAP_REACHED],
    ['A7: a destination outside the allowed countries or of a refused type', { destinationAllowed: false }, SkipReason.DESTINATION_NOT_ALLOWED],
    ['A8: a public text to a new number while the pumping breaker is tripped', { suspectedAbuse: true }, SkipReason.SUSPECTED_ABUSE],
  ])('participant: %s', (_name, change, reason) => {
    expect(decideSend({ ...participant, ...change }, now)).toEqual({ action: 'skip', reason });
  });

  it('S5: the 6th text of an event still goes', () => {
    expect(decideSend({ ...participant, eventTextsSoFar: EVENT_TEXT_CAP - 1 }, now)).toEqual({ action: 'send' });
  });

  it.each<[string, Partial<SendFacts>, SkipReason]>([
    ['E1: not opted in', { consented: false }, SkipReason.NOT_OPTED_IN],
    ['E3: no phone', { phone: null }, SkipReason.NO_PHONE],
    ['E3: week alerts off', { weekAlertsOn: false }, SkipReason.WEEK_ALERTS_OFF],
    ['E3: delivery not configured', { deliveryConfigured: false }, SkipReason.DELIVERY_NOT_CONFIGURED],
    ['K2: opted out', { optedOut: true }, SkipReason.OPTED_OUT],
    ['A7: a disallowed destination', { destinationAllowed: false }, SkipReason.DESTINATION_NOT_ALLOWED],
  ])('employee: %s', (_name, change, reason) => {
    expect(decideSend({ ...shiftAlert, ...change }, now)).toEqual({ action: 'skip', reason });
  });

  it('S5: employees have no per-event cap', () => {
    expect(decideSend({ ...shiftAlert, eventTextsSoFar: 99 }, now)).toEqual({ action: 'send' });
  });

  // Each row breaks two rules; the earlier one in the contract is the reason.
  it.each<[string, Partial<SendFacts>, SkipReason]>([
    ['E3: not opted in comes before no phone', { consented: false, phone: null }, SkipReason.NOT_OPTED_IN],
    ['E3: no phone comes before week alerts off', { phone: null, weekAlertsOn: false }, SkipReason.NO_PHONE],
    ['E3: week alerts off comes before delivery', { weekAlertsOn: false, deliveryConfigured: false }, SkipReason.WEEK_ALERTS_OFF],
    ['W2 comes before the employee rules', { workspaceSmsEnabled: false, consented: false }, SkipReason.WORKSPACE_SMS_DISABLED],
    ['S6: a stale text is stale whatever else holds', { stillValid: false, workspaceSmsEnabled: false }, SkipReason.NO_LONGER_VALID],
    ['K6: an opt-out is reported before delivery problems', { optedOut: true, deliveryConfigured: false }, SkipReason.OPTED_OUT],
    ['K2: after STOP the reason is the opt-out, not the consent it also withdrew', { optedOut: true, consented: false }, SkipReason.OPTED_OUT],
    ['A7: no phone comes before the destination', { phone: null, destinationAllowed: false }, SkipReason.NO_PHONE],
    ['A7: a disallowed destination comes before delivery problems', { destinationAllowed: false, deliveryConfigured: false }, SkipReason.DESTINATION_NOT_ALLOWED],
  ])('order: %s', (_name, change, reason) => {
    expect(decideSend({ ...shiftAlert, ...change }, now)).toEqual({ action: 'skip', reason });
  });

  it('S1 comes before consent for participants', () => {
    expect(decideSend({ ...participant, studySmsEnabled: false, consented: false }, now)).toEqual({ action: 'skip', reason: SkipReason.STUDY_SMS_DISABLED });
  });

  it('K2: a keyword reply passes consent and the opt-out, but still needs a phone and delivery', () => {
    expect(decideSend({ ...keywordReply, consented: false, optedOut: true, workspaceSmsEnabled: false }, now)).toEqual({ action: 'send' });
    expect(decideSend({ ...keywordReply, deliveryConfigured: false }, now)).toEqual({ action: 'skip', reason: SkipReason.DELIVERY_NOT_CONFIGURED });
    expect(decideSend({ ...keywordReply, phone: null }, now)).toEqual({ action: 'skip', reason: SkipReason.NO_PHONE });
  });

  describe('T3: quiet hours', () => {
    const quiet = { startMinute: 21 * 60, endMinute: 8 * 60, timeZone: 'America/New_York' };
    // A moment two days from now at the given New York wall time (computed, not today's hour).
    const at = (hour: number, minute: number) => DateTime.now().setZone('America/New_York').plus({ days: 2 }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
    const waitable: SendFacts = { ...shiftAlert, weekAlertsOn: null, quietHours: quiet };

    it('T3: a text that can wait is held at 22:30 until 08:00 the next morning', () => {
      const decision = decideSend(waitable, at(22, 30));
      expect(decision).toMatchObject({ action: 'hold', why: 'QUIET_HOURS' });
      const until = DateTime.fromJSDate(decision.action === 'hold' ? decision.until : new Date(0), { zone: 'America/New_York' });
      expect([until.toISODate(), until.hour, until.minute]).toEqual([DateTime.fromJSDate(at(22, 30), { zone: 'America/New_York' }).plus({ days: 1 }).toISODate(), 8, 0]);
    });

    it('T3: outside quiet hours it goes', () => {
      expect(decideSend(waitable, at(12, 0))).toEqual({ action: 'send' });
    });

    it('T3: a time-critical text (no quiet hours in its facts) goes at 22:30', () => {
      expect(decideSend({ ...waitable, quietHours: null }, at(22, 30))).toEqual({ action: 'send' });
    });

    it('T3: a text that would be skipped is skipped, not held', () => {
      expect(decideSend({ ...waitable, consented: false }, at(22, 30))).toEqual({ action: 'skip', reason: SkipReason.NOT_OPTED_IN });
    });

    it('E9: an opted-in employee without a phone is NO_PHONE, after the consent rule', () => {
      expect(decideSend({ ...shiftAlert, phone: null }, now)).toEqual({ action: 'skip', reason: SkipReason.NO_PHONE });
    });
  });

  it('A7: a keyword reply never goes to a disallowed destination', () => {
    expect(decideSend({ ...keywordReply, destinationAllowed: false }, now)).toEqual({ action: 'skip', reason: SkipReason.DESTINATION_NOT_ALLOWED });
  });
});
