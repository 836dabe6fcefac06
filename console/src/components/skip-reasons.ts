// What each skip reason means, in the words an admin needs (rules W2, W3, S1, S5, E1, E4, K2, A7, A8).
export const SKIP_REASON_HELP: Record<string, string> = {
  WORKSPACE_SMS_DISABLED: 'Workspace SMS is off, so nothing is sent (Workspace page).',
  DELIVERY_NOT_CONFIGURED: 'No SMS provider or sender number is set up for this workspace.',
  STUDY_SMS_DISABLED: 'The study’s Interview Reminder SMS switch is off.',
  NOT_OPTED_IN: 'The person has not agreed to receive texts.',
  NO_PHONE: 'There is no phone number on file.',
  WEEK_ALERTS_OFF: 'The schedule week’s Send SMS Alert switch is off.',
  OPTED_OUT: 'The number has opted out (for example by texting STOP).',
  EVENT_CAP_REACHED: 'The participant already had 6 texts about this booking.',
  NO_LONGER_VALID: 'The session or shift changed or was cancelled before the text was due.',
  DESTINATION_NOT_ALLOWED: 'The number is outside the workspace’s allowed countries, or is premium-rate, toll-free or similar (Workspace page).',
  SUSPECTED_ABUSE: 'The pumping breaker is tripped: public signups to new numbers are held until an admin resets it (Workspace page).',
  TOO_LATE: 'The text could only have gone after the session or shift started, so it was not sent late.',
};
