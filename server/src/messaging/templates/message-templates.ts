import { MessageKind } from '../../comms-log/comms-log.enums.js';
import { Language } from '../../common/language.js';
import { formatDateTime, formatDay, formatTime } from '../../common/time-zone.util.js';

/** What a DAY_OF_UPDATE says: fixed choices, not free text (S4: texts are not customisable). */
export enum DayOfUpdate {
  RUNNING_LATE = 'RUNNING_LATE',
  READY_TO_START = 'READY_TO_START',
  LOCATION_CHANGED = 'LOCATION_CHANGED',
}

export type KeywordReply = 'OPTED_OUT' | 'OPTED_IN' | 'HELP' | 'HOW_TO_OPT_OUT';

/** The facts a template fills in, per kind. */
export type TemplateInput =
  | { kind: MessageKind.CONFIRMATION | MessageKind.REMINDER | MessageKind.SCHEDULE_CHANGE | MessageKind.CANCELLATION; studyName: string; startsAt: Date; manageUrl: string }
  | { kind: MessageKind.DAY_OF_UPDATE; studyName: string; startsAt: Date; manageUrl: string; update: DayOfUpdate; location: string | null }
  | { kind: MessageKind.SCHEDULE_PUBLISHED; weekStart: string; shiftCount: number }
  | { kind: MessageKind.SHIFT_ALERT; startsAt: Date; endsAt: Date }
  | { kind: MessageKind.TIME_OFF_RESPONSE; startsOn: string; endsOn: string; approved: boolean }
  | { kind: MessageKind.KEYWORD_REPLY; reply: KeywordReply }
  | { kind: MessageKind.OPT_IN_CONFIRMATION; program: 'INTERVIEWS' | 'SHIFTS' };

export interface Brand {
  name: string;
  supportContact: string;
}

/** T1/T2: who reads the text: the zone its times are written in and its language. */
export interface Reader {
  timeZone: string;
  language: Language;
}

const UTC_ENGLISH: Reader = { timeZone: 'UTC', language: Language.EN };

/** S4: every text is a fixed template per kind, with the brand; participant texts carry the manage-booking link. T1/T2: in the reader's zone and language. */
export function renderMessage(input: TemplateInput, brand: Brand, reader: Reader = UTC_ENGLISH): string {
  const when = (at: Date) => formatDateTime(at, reader.timeZone, reader.language);
  const time = (at: Date) => formatTime(at, reader.timeZone, reader.language);
  const day = (iso: string) => formatDay(iso, reader.language);
  const b = brand.name;
  if (reader.language === Language.ES) {
    switch (input.kind) {
      case MessageKind.CONFIRMATION:
        return `${b}: Tiene una cita para ${input.studyName} el ${when(input.startsAt)}. Cambiar o cancelar: ${input.manageUrl} Responda ALTO para no recibir más.`;
      case MessageKind.REMINDER:
        // L8: the start time here too.
        return `${b}: Recordatorio: ${input.studyName} empieza el ${when(input.startsAt)}. Su cita: ${input.manageUrl}`;
      case MessageKind.SCHEDULE_CHANGE:
        return `${b}: Su sesión de ${input.studyName} cambió al ${when(input.startsAt)}. Su cita: ${input.manageUrl}`;
      case MessageKind.CANCELLATION:
        return `${b}: Su sesión de ${input.studyName} del ${when(input.startsAt)} fue cancelada. Detalles: ${input.manageUrl}`;
      case MessageKind.DAY_OF_UPDATE:
        return `${b}: ${dayOfUpdateLine(input.update, input.location, reader.language)} (${input.studyName}, ${when(input.startsAt)}). Su cita: ${input.manageUrl}`;
      case MessageKind.SCHEDULE_PUBLISHED:
        return `${b}: Su horario de la semana del ${day(input.weekStart)} está publicado: ${input.shiftCount} turno${input.shiftCount === 1 ? '' : 's'}. Responda ALTO para no recibir más.`;
      case MessageKind.SHIFT_ALERT:
        return `${b}: Su turno empieza a las ${time(input.startsAt)} y termina a las ${time(input.endsAt)}. Responda ALTO para no recibir más.`;
      case MessageKind.TIME_OFF_RESPONSE:
        return `${b}: Su solicitud de días libres del ${day(input.startsOn)} al ${day(input.endsOn)} fue ${input.approved ? 'aprobada' : 'rechazada'}.`;
      case MessageKind.KEYWORD_REPLY:
        return keywordReply(input.reply, brand, reader.language);
      case MessageKind.OPT_IN_CONFIRMATION:
        return optInConfirmation(input.program, brand, reader.language);
    }
  }
  switch (input.kind) {
    case MessageKind.CONFIRMATION:
      return `${b}: You're booked for ${input.studyName} on ${when(input.startsAt)}. Manage or cancel: ${input.manageUrl} Reply STOP to opt out.`;
    case MessageKind.REMINDER:
      // L8: the start time, not "in 15 minutes": a reminder sent early in a burst stays true.
      return `${b}: Reminder: ${input.studyName} starts at ${when(input.startsAt)}. Manage: ${input.manageUrl}`;
    case MessageKind.SCHEDULE_CHANGE:
      return `${b}: Your ${input.studyName} session has moved to ${when(input.startsAt)}. Manage: ${input.manageUrl}`;
    case MessageKind.CANCELLATION:
      return `${b}: Your ${input.studyName} session on ${when(input.startsAt)} is cancelled. Details: ${input.manageUrl}`;
    case MessageKind.DAY_OF_UPDATE:
      return `${b}: ${dayOfUpdateLine(input.update, input.location, reader.language)} (${input.studyName}, ${when(input.startsAt)}). Manage: ${input.manageUrl}`;
    case MessageKind.SCHEDULE_PUBLISHED:
      return `${b}: Your schedule for the week of ${day(input.weekStart)} is published: ${input.shiftCount} shift${input.shiftCount === 1 ? '' : 's'}. Reply STOP to opt out.`;
    case MessageKind.SHIFT_ALERT:
      return `${b}: Your shift starts at ${time(input.startsAt)} and ends at ${time(input.endsAt)}. Reply STOP to opt out.`;
    case MessageKind.TIME_OFF_RESPONSE:
      return `${b}: Your time-off request for ${day(input.startsOn)} to ${day(input.endsOn)} was ${input.approved ? 'approved' : 'declined'}.`;
    case MessageKind.KEYWORD_REPLY:
      return keywordReply(input.reply, brand, reader.language);
    case MessageKind.OPT_IN_CONFIRMATION:
      return optInConfirmation(input.program, brand, reader.language);
  }
}

function dayOfUpdateLine(update: DayOfUpdate, location: string | null, language: Language): string {
  if (language === Language.ES) {
    switch (update) {
      case DayOfUpdate.RUNNING_LATE:
        return 'Su sesión de hoy empezará unos minutos tarde';
      case DayOfUpdate.READY_TO_START:
        return 'Su anfitrión ya está listo para recibirle';
      case DayOfUpdate.LOCATION_CHANGED:
        return location ? `La sesión de hoy ahora es en ${location}` : 'El lugar de la sesión de hoy cambió; vea su cita';
    }
  }
  switch (update) {
    case DayOfUpdate.RUNNING_LATE:
      return 'Your session today is running a few minutes late';
    case DayOfUpdate.READY_TO_START:
      return 'Your host is ready for you now';
    case DayOfUpdate.LOCATION_CHANGED:
      return location ? `Today's session is now at ${location}` : "Today's session location has changed; see your booking";
  }
}

// K2-K4: the carrier-required keyword answers; the Spanish ones follow the
// carriers' Spanish-language samples (ALTO, AYUDA; see the README).
function keywordReply(reply: KeywordReply, brand: Brand, language: Language): string {
  if (language === Language.ES) {
    switch (reply) {
      case 'OPTED_OUT':
        return `${brand.name}: Su suscripción fue cancelada y no recibirá más mensajes. Responda INICIO para volver a suscribirse.`;
      case 'OPTED_IN':
        return `${brand.name}: Volvió a suscribirse a los mensajes de horarios (hasta 6 por cita; unos pocos por semana de turnos). Pueden aplicar cargos por mensajes y datos. Responda AYUDA para ayuda, ALTO para cancelar.`;
      case 'HOW_TO_OPT_OUT':
        return `${brand.name}: Para dejar de recibir todos nuestros mensajes, responda ALTO. Para ayuda, responda AYUDA.`;
      case 'HELP':
        return `${brand.name} mensajes de horarios: confirmaciones, recordatorios y avisos de turno (hasta 6 por evento). Ayuda: ${brand.supportContact}. Pueden aplicar cargos por mensajes y datos. Responda ALTO para cancelar.`;
    }
  }
  switch (reply) {
    case 'OPTED_OUT':
      return `${brand.name}: You're unsubscribed and will get no more messages. Reply START to resubscribe.`;
    case 'OPTED_IN':
      // K9: START's one reply is also its opt-in confirmation.
      return `${brand.name}: You're resubscribed to scheduling texts (up to 6 per booking; a few per week for shifts). Msg & data rates may apply. Reply HELP for help, STOP to opt out.`;
    // K8: the one clarifying reply to a text that mentions stopping but is not STOP.
    case 'HOW_TO_OPT_OUT':
      return `${brand.name}: To stop all texts from us, reply STOP. For help, reply HELP.`;
    case 'HELP':
      return `${brand.name} scheduling texts: confirmations, reminders and shift alerts (up to 6 per booked event). Help: ${brand.supportContact}. Msg & data rates may apply. Reply STOP to opt out.`;
  }
}

// K9 (CTIA: "Send opt-in confirmation messages"): program, frequency, rates, HELP and STOP.
function optInConfirmation(program: 'INTERVIEWS' | 'SHIFTS', brand: Brand, language: Language): string {
  if (language === Language.ES) {
    const what = program === 'INTERVIEWS' ? 'recordatorios de entrevistas: hasta 6 mensajes por cita' : 'avisos de horarios y turnos: unos pocos mensajes por semana';
    return `${brand.name}: Está suscrito a ${what}. Pueden aplicar cargos por mensajes y datos. Responda AYUDA para ayuda, ALTO para cancelar.`;
  }
  const what = program === 'INTERVIEWS' ? 'interview reminders: up to 6 msgs per booking' : 'schedule and shift alerts: a few msgs per week';
  return `${brand.name}: You're subscribed to ${what}. Msg & data rates may apply. Reply HELP for help, STOP to opt out.`;
}
