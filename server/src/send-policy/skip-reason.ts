import { registerEnumType } from 'type-graphql';

/** Why a message was held back. The order the send policy checks them in lives with decideSend. */
export enum SkipReason {
  WORKSPACE_SMS_DISABLED = 'WORKSPACE_SMS_DISABLED',
  DELIVERY_NOT_CONFIGURED = 'DELIVERY_NOT_CONFIGURED',
  STUDY_SMS_DISABLED = 'STUDY_SMS_DISABLED',
  NOT_OPTED_IN = 'NOT_OPTED_IN',
  NO_PHONE = 'NO_PHONE',
  WEEK_ALERTS_OFF = 'WEEK_ALERTS_OFF',
  OPTED_OUT = 'OPTED_OUT',
  EVENT_CAP_REACHED = 'EVENT_CAP_REACHED',
  NO_LONGER_VALID = 'NO_LONGER_VALID',
}
registerEnumType(SkipReason, { name: 'SkipReason' });
