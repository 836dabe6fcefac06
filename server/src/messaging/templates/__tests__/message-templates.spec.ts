import { describe, expect, it } from 'vitest';
import { MessageKind } from '../../../comms-log/comms-log.enums.js';
import { DayOfUpdate, renderMessage, type TemplateInput } from '../message-templates.js';

const brand = { name: 'Rally', supportContact: 'help@rally.example' };
const startsAt = new Date('2026-03-03T14:00:00Z');
const manageUrl = 'https://tock.example/console/manage/abc';
const booking = { studyName: 'Checkout study', startsAt, manageUrl };

describe('message templates', () => {
  it.each<[string, TemplateInput, RegExp[]]>([
    ['S4: confirmation carries brand, study, time and the manage link', { kind: MessageKind.CONFIRMATION, ...booking }, [/^Rally: /, /Checkout study/, /Tue, Mar 3, 2:00 PM UTC/, /console\/manage\/abc/, /STOP/]],
    ['S4: the reminder says 15 minutes and carries the link', { kind: MessageKind.REMINDER, ...booking }, [/15 minutes/, /console\/manage\/abc/]],
    ['S6: a schedule change gives the new time and the link', { kind: MessageKind.SCHEDULE_CHANGE, ...booking }, [/moved to Tue, Mar 3, 2:00 PM UTC/, /manage\/abc/]],
    ['S6: a cancellation says so and carries the link', { kind: MessageKind.CANCELLATION, ...booking }, [/cancelled/, /manage\/abc/]],
    ['S5: a day-of update is one of fixed choices', { kind: MessageKind.DAY_OF_UPDATE, ...booking, update: DayOfUpdate.LOCATION_CHANGED, location: 'Room 4' }, [/now at Room 4/, /manage\/abc/]],
    ['E6: schedule published counts shifts', { kind: MessageKind.SCHEDULE_PUBLISHED, weekStart: '2026-03-02', shiftCount: 3 }, [/week of Mon, Mar 2/, /3 shifts/]],
    ['E6: shift alert gives start and end', { kind: MessageKind.SHIFT_ALERT, startsAt, endsAt: new Date('2026-03-03T22:00:00Z') }, [/2:00 PM UTC/, /10:00 PM UTC/]],
    ['E6: time-off answer', { kind: MessageKind.TIME_OFF_RESPONSE, startsOn: '2026-03-10', endsOn: '2026-03-12', approved: false }, [/declined/, /Tue, Mar 10 to Thu, Mar 12/]],
    ['K2: the STOP confirmation', { kind: MessageKind.KEYWORD_REPLY, reply: 'OPTED_OUT' }, [/unsubscribed/, /START/]],
    ['K3: the START confirmation', { kind: MessageKind.KEYWORD_REPLY, reply: 'OPTED_IN' }, [/resubscribed/, /STOP/]],
    ['K4: HELP has brand, contact, frequency, rates and how to opt out', { kind: MessageKind.KEYWORD_REPLY, reply: 'HELP' }, [/^Rally/, /help@rally\.example/, /up to 6/, /Msg & data rates may apply/, /Reply STOP to opt out/]],
  ])('%s', (_name, input, patterns) => {
    const text = renderMessage(input, brand);
    for (const pattern of patterns) expect(text).toMatch(pattern);
  });
});
