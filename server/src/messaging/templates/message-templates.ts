import { MessageKind } from '../../comms-log/comms-log.enums.js';

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
  | { kind: MessageKind.KEYWORD_REPLY; reply: KeywordReply };

export interface Brand {
  name: string;
  supportContact: string;
}

// Workspaces have no time zone yet, so times are written in UTC and say so.
const when = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});
const time = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

/** S4: every text is a fixed template per kind, with the brand; participant texts carry the manage-booking link. */
export function renderMessage(input: TemplateInput, brand: Brand): string {
  const b = brand.name;
  switch (input.kind) {
    case MessageKind.CONFIRMATION:
      return `${b}: You're booked for ${input.studyName} on ${when.format(input.startsAt)}. Manage or cancel: ${input.manageUrl} Reply STOP to opt out.`;
    case MessageKind.REMINDER:
      return `${b}: Reminder: ${input.studyName} starts in 15 minutes (${when.format(input.startsAt)}). Manage: ${input.manageUrl}`;
    case MessageKind.SCHEDULE_CHANGE:
      return `${b}: Your ${input.studyName} session has moved to ${when.format(input.startsAt)}. Manage: ${input.manageUrl}`;
    case MessageKind.CANCELLATION:
      return `${b}: Your ${input.studyName} session on ${when.format(input.startsAt)} is cancelled. Details: ${input.manageUrl}`;
    case MessageKind.DAY_OF_UPDATE:
      return `${b}: ${dayOfUpdateLine(input.update, input.location)} (${input.studyName}, ${when.format(input.startsAt)}). Manage: ${input.manageUrl}`;
    case MessageKind.SCHEDULE_PUBLISHED:
      return `${b}: Your schedule for the week of ${input.weekStart} is published: ${input.shiftCount} shift${input.shiftCount === 1 ? '' : 's'}. Reply STOP to opt out.`;
    case MessageKind.SHIFT_ALERT:
      return `${b}: Your shift starts at ${time.format(input.startsAt)} and ends at ${time.format(input.endsAt)}. Reply STOP to opt out.`;
    case MessageKind.TIME_OFF_RESPONSE:
      return `${b}: Your time-off request for ${input.startsOn} to ${input.endsOn} was ${input.approved ? 'approved' : 'declined'}.`;
    case MessageKind.KEYWORD_REPLY:
      return keywordReply(input.reply, brand);
  }
}

function dayOfUpdateLine(update: DayOfUpdate, location: string | null): string {
  switch (update) {
    case DayOfUpdate.RUNNING_LATE:
      return 'Your session today is running a few minutes late';
    case DayOfUpdate.READY_TO_START:
      return 'Your host is ready for you now';
    case DayOfUpdate.LOCATION_CHANGED:
      return location ? `Today's session is now at ${location}` : "Today's session location has changed; see your booking";
  }
}

// K2-K4: the carrier-required keyword answers.
function keywordReply(reply: KeywordReply, brand: Brand): string {
  switch (reply) {
    case 'OPTED_OUT':
      return `${brand.name}: You're unsubscribed and will get no more messages. Reply START to resubscribe.`;
    case 'OPTED_IN':
      return `${brand.name}: You're resubscribed to scheduling texts. Reply STOP to opt out, HELP for help.`;
    // K8: the one clarifying reply to a text that mentions stopping but is not STOP.
    case 'HOW_TO_OPT_OUT':
      return `${brand.name}: To stop all texts from us, reply STOP. For help, reply HELP.`;
    case 'HELP':
      return `${brand.name} scheduling texts: confirmations, reminders and shift alerts (up to 6 per booked event). Help: ${brand.supportContact}. Msg & data rates may apply. Reply STOP to opt out.`;
  }
}
