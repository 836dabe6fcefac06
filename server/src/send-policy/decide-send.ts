import { quietUntil, type QuietHours } from '../common/quiet-hours.util.js';
import { SkipReason } from './skip-reason.js';

/** S5: texts per participant per booked event; the 7th and later are held back. */
export const EVENT_TEXT_CAP = 6;

type Audience = 'PARTICIPANT' | 'EMPLOYEE' | 'KEYWORD_REPLY';

/** Everything the decision needs, loaded fresh when the message is due. No I/O happens past this point. */
export interface SendFacts {
  audience: Audience;
  /** S6: the booking, session or shift the text is about still holds as the text describes it. */
  stillValid: boolean;
  workspaceSmsEnabled: boolean;
  /** W3: a provider and a sender number. */
  deliveryConfigured: boolean;
  /** S1: the study's Interview Reminder SMS switch (participant texts only). */
  studySmsEnabled: boolean | null;
  /** Participant consent, or the employee's smsOptIn (E1). */
  consented: boolean;
  phone: string | null;
  /** K2: the number is in the global opt-out registry. */
  optedOut: boolean;
  /** E3: the week's Send SMS Alert switch, for shift alerts; null for other kinds. */
  weekAlertsOn: boolean | null;
  /** S5: texts already sent (or being sent) for this participant's event. */
  eventTextsSoFar: number;
  /** A7: the workspace allows the number's country and the number's type may be texted (true without a phone). */
  destinationAllowed: boolean;
  /** A8: a public text to a new number recorded while the workspace's pumping breaker is tripped. */
  suspectedAbuse: boolean;
  /**
   * T3: the workspace's quiet hours in the recipient's zone, for a text that
   * can wait (SCHEDULE_PUBLISHED, TIME_OFF_RESPONSE); null for time-critical
   * texts and when the workspace switched quiet hours off.
   */
  quietHours?: (QuietHours & { timeZone: string }) | null;
  /** L8: past this moment the text is no use (a reminder once its session starts); null: no deadline. */
  latestUsefulAt: Date | null;
}

type SendDecision = { action: 'send' } | { action: 'skip'; reason: SkipReason } | { action: 'hold'; until: Date; why: string };

type Rule = (facts: SendFacts, now: Date) => SkipReason | null;

// The order is the contract: the first rule that fails is the reason logged.
const RULES: Rule[] = [
  (f) => (f.stillValid ? null : SkipReason.NO_LONGER_VALID),
  // L8: a reminder after the start is never sent late.
  (f, now) => (f.latestUsefulAt && now.getTime() >= f.latestUsefulAt.getTime() ? SkipReason.TOO_LATE : null),
  (f) => (f.workspaceSmsEnabled ? null : SkipReason.WORKSPACE_SMS_DISABLED),
  (f) => (f.studySmsEnabled === false ? SkipReason.STUDY_SMS_DISABLED : null),
  // K2: a STOP also withdraws consent; the reason to report is the opt-out.
  (f) => (f.optedOut ? SkipReason.OPTED_OUT : null),
  (f) => (f.consented ? null : SkipReason.NOT_OPTED_IN),
  (f) => (f.phone ? null : SkipReason.NO_PHONE),
  // A7: never to a disallowed country or a premium, shared-cost, toll-free, UAN, voicemail or pager number.
  (f) => (f.destinationAllowed ? null : SkipReason.DESTINATION_NOT_ALLOWED),
  (f) => (f.weekAlertsOn === false ? SkipReason.WEEK_ALERTS_OFF : null),
  (f) => (f.deliveryConfigured ? null : SkipReason.DELIVERY_NOT_CONFIGURED),
  (f) => (f.audience === 'PARTICIPANT' && f.eventTextsSoFar >= EVENT_TEXT_CAP ? SkipReason.EVENT_CAP_REACHED : null),
  (f) => (f.suspectedAbuse ? SkipReason.SUSPECTED_ABUSE : null),
];

// K2/K4: a keyword reply answers the handset that just wrote; it is the one
// text allowed past consent and the opt-out (so STOP gets its confirmation),
// and it still needs somewhere to send from.
const KEYWORD_REPLY_RULES: Rule[] = [
  (f) => (f.phone ? null : SkipReason.NO_PHONE),
  // A7: a reply to a premium number that wrote in would bill Tock too.
  (f) => (f.destinationAllowed ? null : SkipReason.DESTINATION_NOT_ALLOWED),
  (f) => (f.deliveryConfigured ? null : SkipReason.DELIVERY_NOT_CONFIGURED),
];

/**
 * The one gate every outgoing text passes: pure, ordered, first failure wins.
 * A text that passes every rule but falls in quiet hours is held (T3) until
 * the next allowed minute, and decided afresh then.
 */
export function decideSend(facts: SendFacts, now: Date): SendDecision {
  const rules = facts.audience === 'KEYWORD_REPLY' ? KEYWORD_REPLY_RULES : RULES;
  for (const rule of rules) {
    const reason = rule(facts, now);
    if (reason) return { action: 'skip', reason };
  }
  if (facts.quietHours) {
    const until = quietUntil(now, facts.quietHours.timeZone, facts.quietHours);
    if (until) return { action: 'hold', until, why: 'QUIET_HOURS' };
  }
  return { action: 'send' };
}
