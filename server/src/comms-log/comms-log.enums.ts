import { registerEnumType } from 'type-graphql';

export enum MessageKind {
  CONFIRMATION = 'CONFIRMATION',
  REMINDER = 'REMINDER',
  SCHEDULE_CHANGE = 'SCHEDULE_CHANGE',
  CANCELLATION = 'CANCELLATION',
  DAY_OF_UPDATE = 'DAY_OF_UPDATE',
  SCHEDULE_PUBLISHED = 'SCHEDULE_PUBLISHED',
  SHIFT_ALERT = 'SHIFT_ALERT',
  TIME_OFF_RESPONSE = 'TIME_OFF_RESPONSE',
  KEYWORD_REPLY = 'KEYWORD_REPLY',
  /** K9: the one text that confirms a number's opt-in (program, frequency, rates, HELP, STOP). */
  OPT_IN_CONFIRMATION = 'OPT_IN_CONFIRMATION',
  INBOUND = 'INBOUND',
}
export enum MessageStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
  RECEIVED = 'RECEIVED',
}
export enum MessageDirection {
  OUTBOUND = 'OUTBOUND',
  INBOUND = 'INBOUND',
}
export enum MessageChannel {
  SMS = 'SMS',
  EMAIL_GATEWAY = 'EMAIL_GATEWAY',
  SANDBOX = 'SANDBOX',
}
registerEnumType(MessageKind, { name: 'MessageKind' });
registerEnumType(MessageStatus, { name: 'MessageStatus' });
registerEnumType(MessageDirection, { name: 'MessageDirection' });
registerEnumType(MessageChannel, { name: 'MessageChannel' });
