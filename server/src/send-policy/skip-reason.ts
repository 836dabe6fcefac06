/** Why a message was held back. The order the send policy checks them in lives with decideSend (registered for GraphQL in graphql/enums.ts). */
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
  /** A7: the destination's country is not allowed for the workspace, or its number type is never texted. */
  DESTINATION_NOT_ALLOWED = 'DESTINATION_NOT_ALLOWED',
  /** A8: the workspace's pumping breaker is tripped and this public text goes to a new number. */
  SUSPECTED_ABUSE = 'SUSPECTED_ABUSE',
  /** L8: it could only have gone after its latest useful time. */
  TOO_LATE = 'TOO_LATE',
}
