import { describe, expect, it } from 'vitest';
import { MessageKind } from '../../../comms-log/comms-log.enums.js';
import { Language } from '../../../common/language.js';
import { DayOfUpdate, renderMessage, type TemplateInput } from '../message-templates.js';

const brand = { name: 'Rally', supportContact: 'help@rally.example' };
const startsAt = new Date('2026-03-03T14:00:00Z');
const manageUrl = 'https://tock.example/console/manage/abc';
const booking = { studyName: 'Checkout study', startsAt, manageUrl };

describe('message templates', () => {
  it.each<[string, TemplateInput, RegExp[]]>([
    ['S4: confirmation carries brand, study, time and the manage link', { kind: MessageKind.CONFIRMATION, ...booking }, [/^Rally: /, /Checkout study/, /Tue, Mar 3, 2:00 PM UTC/, /console\/manage\/abc/, /STOP/]],
    ['S4/L8: the reminder states the start time (not "in 15 minutes") and carries the link', { kind: MessageKind.REMINDER, ...booking }, [/starts at \w{3}, \w{3} \d+, \d+:\d{2}/, /console\/manage\/abc/]],
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

  const es = { timeZone: 'America/New_York', language: Language.ES };
  it.each<[string, TemplateInput, RegExp[]]>([
    ['T2: confirmation in Spanish, in the reader\'s zone', { kind: MessageKind.CONFIRMATION, ...booking }, [/^Rally: Tiene una cita para Checkout study el mar, 3 de mar, 9:00 a\. ?m\. EST\./, /manage\/abc/, /ALTO/]],
    ['T2/L8: reminder in Spanish states the start time', { kind: MessageKind.REMINDER, ...booking }, [/Recordatorio: Checkout study empieza el mar, 3 de mar, 9:00 a\. ?m\. EST\./]],
    ['T2: schedule change in Spanish', { kind: MessageKind.SCHEDULE_CHANGE, ...booking }, [/cambió al mar, 3 de mar/]],
    ['T2: cancellation in Spanish', { kind: MessageKind.CANCELLATION, ...booking }, [/fue cancelada/]],
    ['T2: day-of update in Spanish', { kind: MessageKind.DAY_OF_UPDATE, ...booking, update: DayOfUpdate.READY_TO_START, location: null }, [/listo para recibirle/]],
    ['T2: schedule published in Spanish', { kind: MessageKind.SCHEDULE_PUBLISHED, weekStart: '2026-03-02', shiftCount: 1 }, [/semana del lun, 2 de mar/, /1 turno\./]],
    ['T2: shift alert in Spanish, with the zone', { kind: MessageKind.SHIFT_ALERT, startsAt, endsAt: new Date('2026-03-03T22:00:00Z') }, [/a las 9:00 a\. ?m\. EST y termina a las 5:00 p\. ?m\. EST/]],
    ['T2: time-off answer in Spanish', { kind: MessageKind.TIME_OFF_RESPONSE, startsOn: '2026-03-10', endsOn: '2026-03-12', approved: true }, [/aprobada/]],
    ['T2: the ALTO confirmation in Spanish', { kind: MessageKind.KEYWORD_REPLY, reply: 'OPTED_OUT' }, [/cancelada/, /INICIO/]],
    ['T2: HELP in Spanish has brand, contact, frequency, rates and how to opt out', { kind: MessageKind.KEYWORD_REPLY, reply: 'HELP' }, [/^Rally/, /help@rally\.example/, /hasta 6/, /Pueden aplicar cargos por mensajes y datos/, /ALTO/]],
    ['K9/T2: the opt-in confirmation in Spanish', { kind: MessageKind.OPT_IN_CONFIRMATION, program: 'INTERVIEWS' }, [/hasta 6 mensajes por cita/, /cargos por mensajes y datos/, /AYUDA/, /ALTO/]],
  ])('%s', (_name, input, patterns) => {
    const text = renderMessage(input, brand, es);
    for (const pattern of patterns) expect(text).toMatch(pattern);
  });

  it('K9: the opt-in confirmation states program, frequency, rates, HELP and STOP', () => {
    expect(renderMessage({ kind: MessageKind.OPT_IN_CONFIRMATION, program: 'INTERVIEWS' }, brand)).toBe(
      "Rally: You're subscribed to interview reminders: up to 6 msgs per booking. Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
    );
  });

  it('T1: times are in the reader\'s zone with its abbreviation', () => {
    expect(renderMessage({ kind: MessageKind.CONFIRMATION, ...booking }, brand, { timeZone: 'America/Los_Angeles', language: Language.EN })).toContain('Tue, Mar 3, 6:00 AM PST');
  });
});
