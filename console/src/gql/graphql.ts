/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type BookingStatus =
  | 'BOOKED'
  | 'CANCELLED';

/** Give exactly one of employeeIds or filter */
export type BulkSetEmployeeSmsOptInInput = {
  /** How consent was obtained, kept on every consent record (10 to 2000 characters) */
  attestation: string;
  employeeIds?: Array<string> | null | undefined;
  filter?: EmployeeFilter | null | undefined;
  optIn: boolean;
};

/** Who a bulk opt-in covers: give exactly one of employeeIds or filter */
export type BulkSmsOptInScopeInput = {
  employeeIds?: Array<string> | null | undefined;
  filter?: EmployeeFilter | null | undefined;
  optIn: boolean;
};

export type CarrierLookupStatus =
  | 'FAILED'
  | 'FOUND'
  | 'PENDING';

export type CommsEventFilter = {
  kinds?: Array<MessageKind> | null | undefined;
  skipReasons?: Array<SkipReason> | null | undefined;
  statuses?: Array<MessageStatus> | null | undefined;
};

export type CommsEventType =
  | 'CREATED'
  | 'UPDATED';

/** L1: narrows the communications log; the fields given combine with AND */
export type CommsLogFilter = {
  bookingId?: string | null | undefined;
  direction?: MessageDirection | null | undefined;
  employeeId?: string | null | undefined;
  /** The provider or Tock error code, e.g. INTERRUPTED: texts whose fate is unknown, for review (L6) */
  errorCode?: string | null | undefined;
  /** Logged at or after this instant */
  from?: string | null | undefined;
  kind?: MessageKind | null | undefined;
  participantId?: string | null | undefined;
  /** Recipient (or inbound sender) phone, any format libphonenumber understands */
  recipient?: string | null | undefined;
  /** C2: a phone number in any format (the recipient's), or part of a participant's or employee's name or email */
  search?: string | null | undefined;
  sessionId?: string | null | undefined;
  skipReason?: SkipReason | null | undefined;
  status?: MessageStatus | null | undefined;
  studyId?: string | null | undefined;
  /** Logged before this instant */
  to?: string | null | undefined;
};

export type ConsentAction =
  | 'GRANTED'
  | 'REVOKED';

/** K5: narrows consent records; the fields given combine with AND */
export type ConsentRecordFilter = {
  action?: ConsentAction | null | undefined;
  /** Recorded at or after this instant */
  from?: string | null | undefined;
  /** Any format libphonenumber understands; matched as E.164 */
  phone?: string | null | undefined;
  source?: ConsentSource | null | undefined;
  /** A participant or employee id */
  subjectId?: string | null | undefined;
  subjectType?: ConsentSubjectType | null | undefined;
  /** Recorded before this instant */
  to?: string | null | undefined;
};

export type ConsentSource =
  | 'ADMIN'
  | 'BULK'
  | 'CARRIER'
  | 'KEYWORD'
  | 'MANAGE_BOOKING'
  | 'SIGNUP'
  | 'SIGNUP_FORM';

export type ConsentSubjectType =
  | 'EMPLOYEE'
  | 'PARTICIPANT';

export type CreateApiKeyInput = {
  name: string;
  role: Role;
};

export type CreateSessionInput = {
  /** 5 to 480 minutes */
  durationMinutes: number;
  idempotencyKey?: string | null | undefined;
  location?: string | null | undefined;
  /** Must be in the future */
  startsAt: string;
  studyId: string;
};

export type CreateStudyInput = {
  idempotencyKey?: string | null | undefined;
  name: string;
  /** S1: Interview Reminder SMS; on unless set to false */
  smsRemindersEnabled?: boolean | null | undefined;
  /** T1: the IANA zone its sessions are in; the workspace's if omitted */
  timeZone?: string | null | undefined;
};

export type DayOfUpdate =
  | 'LOCATION_CHANGED'
  | 'READY_TO_START'
  | 'RUNNING_LATE';

/** How texts leave Tock */
export type DeliveryProvider =
  | 'NONE'
  | 'SANDBOX'
  | 'VONAGE';

/** Every given condition must hold */
export type EmployeeFilter = {
  hasPhone?: boolean | null | undefined;
  ids?: Array<string> | null | undefined;
  /** Name or email contains this (case-insensitive), or the phone number contains these digits (four or more) */
  search?: string | null | undefined;
  smsOptIn?: boolean | null | undefined;
};

/** One employee to create or update; omitted or null keeps what is stored, an empty string clears email, phone, time zone or language */
export type EmployeeImportRowInput = {
  /** How this employee consented; overrides the call's attestation for this row */
  attestation?: string | null | undefined;
  email?: string | null | undefined;
  /** Update this employee; without it the row matches by email, then by phone, or creates a new one */
  id?: string | null | undefined;
  /** T2: "en" or "es" */
  language?: string | null | undefined;
  name: string;
  /** Any format libphonenumber understands (A5) */
  phone?: string | null | undefined;
  /** E2: the SMS opt-in; a change is a consent record (source BULK) */
  smsOptIn?: boolean | null | undefined;
  /** T1: IANA zone */
  timeZone?: string | null | undefined;
};

export type EmployeeImportRowStatus =
  | 'CREATED'
  | 'FAILED'
  | 'UNCHANGED'
  | 'UPDATED';

export type EmployeeOptInSource =
  | 'ADMIN'
  | 'SIGNUP';

export type JobQueueState =
  | 'DUE_SOON'
  | 'FAILED'
  | 'OVERDUE'
  | 'RETRYING'
  | 'RUNNING'
  | 'SCHEDULED';

/** T2: English or Spanish */
export type Language =
  | 'EN'
  | 'ES';

export type MessageChannel =
  | 'EMAIL_GATEWAY'
  | 'SANDBOX'
  | 'SMS';

export type MessageDirection =
  | 'INBOUND'
  | 'OUTBOUND';

export type MessageEventType =
  | 'ATTEMPT_RETURNED'
  | 'ATTEMPT_STARTED'
  | 'FAILED'
  | 'HELD'
  | 'INTERRUPTED'
  | 'QUEUED'
  | 'RECEIPT'
  | 'RESENT'
  | 'RETRY_SCHEDULED'
  | 'SENT'
  | 'SKIPPED'
  | 'WAITING';

export type MessageKind =
  | 'CANCELLATION'
  | 'CONFIRMATION'
  | 'DAY_OF_UPDATE'
  | 'INBOUND'
  | 'KEYWORD_REPLY'
  | 'OPT_IN_CONFIRMATION'
  | 'REMINDER'
  | 'SCHEDULE_CHANGE'
  | 'SCHEDULE_PUBLISHED'
  | 'SHIFT_ALERT'
  | 'TIME_OFF_RESPONSE';

export type MessageStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'QUEUED'
  | 'RECEIVED'
  | 'SENDING'
  | 'SENT'
  | 'SKIPPED';

export type ParticipantFilter = {
  hasPhone?: boolean | null | undefined;
  /** Part of the name or email, any case */
  search?: string | null | undefined;
  smsConsent?: boolean | null | undefined;
};

/** C3: who a publish texts */
export type PublishAudience =
  | 'CHANGED'
  | 'EVERYONE';

export type PublishScheduleInput = {
  /** C3: CHANGED texts only employees whose shifts changed since the last publish; EVERYONE texts every employee with shifts */
  audience?: PublishAudience;
  /** A retry with the same key texts nobody twice */
  idempotencyKey?: string | null | undefined;
  /** Monday of the week, YYYY-MM-DD */
  weekStart: string;
};

export type RescheduleSessionInput = {
  sessionId: string;
  /** The new start; must be in the future */
  startsAt: string;
};

/** What an API key may do in its workspace */
export type Role =
  | 'ADMIN'
  | 'MEMBER';

export type SaveScheduleWeekInput = {
  employeeId: string;
  /** E4: omitted, a new week takes the employee's smsOptIn and a saved week keeps its setting */
  sendSmsAlert?: boolean | null | undefined;
  /** Replaces the week's shifts; at most 14 */
  shifts: Array<ShiftInput>;
  /** Monday of the week, YYYY-MM-DD */
  weekStart: string;
};

export type ScheduleWeekFilter = {
  employeeId?: string | null | undefined;
  published?: boolean | null | undefined;
  /** Monday, YYYY-MM-DD */
  weekStart?: string | null | undefined;
};

export type SendDayOfUpdateInput = {
  /** A retry with the same key sends nothing more */
  idempotencyKey?: string | null | undefined;
  sessionId: string;
  /** One of the fixed day-of texts (texts are not customisable) */
  update: DayOfUpdate;
};

export type SessionStatus =
  | 'CANCELLED'
  | 'SCHEDULED';

export type SetEmployeeSmsOptInInput = {
  /** How consent was obtained; required to opt in with source ADMIN (E2) */
  attestation?: string | null | undefined;
  employeeId: string;
  optIn: boolean;
  source?: EmployeeOptInSource;
};

/** S8: a workspace user changes SMS consent by hand */
export type SetParticipantSmsConsentInput = {
  /** How the consent was obtained, kept on the consent record; required to grant (S8) */
  attestation?: string | null | undefined;
  granted: boolean;
  participantId: string;
  /** Granting needs a phone: this one, or the one on file */
  phone?: string | null | undefined;
};

export type ShiftInput = {
  endsAt: string;
  note?: string | null | undefined;
  startsAt: string;
};

/** What the public signup page submits (S2, S3) */
export type SignUpInput = {
  /** A8: the solved proof of work (the ALTCHA payload) of a signupChallenge; required when invite.challengeRequired */
  challenge?: string | null | undefined;
  /** The disclosure version the page showed; the current one if omitted */
  disclosureVersion?: string | null | undefined;
  email: string;
  idempotencyKey?: string | null | undefined;
  inviteToken: string;
  /** T2: the language the page was shown in (English if omitted); the participant's texts follow it */
  language?: Language | null | undefined;
  name: string;
  /** Required (with smsConsent) when the invite says smsRequired */
  phone?: string | null | undefined;
  sessionId: string;
  /** The participant ticked the SMS consent box */
  smsConsent: boolean;
  /** T1: the participant's IANA zone, from the browser */
  timeZone?: string | null | undefined;
};

export type SkipReason =
  | 'DELIVERY_NOT_CONFIGURED'
  | 'DESTINATION_NOT_ALLOWED'
  | 'EVENT_CAP_REACHED'
  | 'NOT_OPTED_IN'
  | 'NO_LONGER_VALID'
  | 'NO_PHONE'
  | 'OPTED_OUT'
  | 'STUDY_SMS_DISABLED'
  | 'SUSPECTED_ABUSE'
  | 'TOO_LATE'
  | 'WEEK_ALERTS_OFF'
  | 'WORKSPACE_SMS_DISABLED';

export type StudyFilter = {
  /** Part of the study name, any case */
  search?: string | null | undefined;
};

export type TimeOffRequestFilter = {
  employeeId?: string | null | undefined;
  status?: TimeOffStatus | null | undefined;
};

export type TimeOffStatus =
  | 'APPROVED'
  | 'DENIED'
  | 'PENDING';

export type UpdateWorkspaceSettingsInput = {
  /** A7: ISO country codes texts may go to; an empty list restores the default */
  allowedDestinationCountries?: Array<string> | null | undefined;
  /** T2: the language of employees without one of their own */
  language?: Language | null | undefined;
  name?: string | null | undefined;
  /** A8: publicly triggered texts to new numbers per hour before the pumping breaker trips */
  pumpingBudgetPerHour?: number | null | undefined;
  /** T3: false switches quiet hours off */
  quietHoursEnabled?: boolean | null | undefined;
  /** T3: HH:MM (24-hour) in the recipient's zone */
  quietHoursEnd?: string | null | undefined;
  /** T3: HH:MM (24-hour) in the recipient's zone */
  quietHoursStart?: string | null | undefined;
  /** Empty string or null clears it */
  senderNumber?: string | null | undefined;
  shiftAlertLeadMinutes?: number | null | undefined;
  /** T1: IANA time zone */
  timeZone?: string | null | undefined;
};

export type UpsertEmployeeInput = {
  /** Omit to keep; null or empty clears */
  email?: string | null | undefined;
  /** Update this employee; without it a new one is created (E1: opted out) */
  id?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
  /** T2: omit to keep, null uses the workspace's */
  language?: Language | null | undefined;
  name: string;
  /** Any format libphonenumber understands (A5); omit to keep, null or empty clears */
  phone?: string | null | undefined;
  /** T1: IANA zone; omit to keep, null uses the workspace's */
  timeZone?: string | null | undefined;
};

export type UpsertEmployeesInput = {
  /** How consent was obtained, for rows that opt in without their own statement (10 to 2000 characters) */
  attestation?: string | null | undefined;
  /** At most 1000 rows; each succeeds or fails on its own */
  employees: Array<EmployeeImportRowInput>;
  /** A retry with the same key and rows answers with the first result and changes nothing */
  idempotencyKey?: string | null | undefined;
};

/** A8: what happened that admins must know of */
export type WorkspaceAlertKind =
  /** An ADMIN reset the breaker; held public texts flow again */
  | 'PUMPING_BREAKER_RESET'
  /** Public texts to numbers new to the workspace passed the hourly budget; further ones are held (SKIPPED SUSPECTED_ABUSE) until an ADMIN resets the breaker */
  | 'PUMPING_BREAKER_TRIPPED';

export type ConsoleMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMeQuery = { me: { apiKeyName: string, role: Role, workspace: { id: string, name: string } } };

export type ConsoleApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleApiKeysQuery = { apiKeys: Array<{ id: string, name: string, role: Role, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type ConsoleCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ConsoleCreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, role: Role, prefix: string } } };

export type ConsoleRevokeApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleRevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type ConsoleConsentRecordsQueryVariables = Exact<{
  filter?: ConsentRecordFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleConsentRecordsQuery = { consentRecords: { nodes: Array<{ id: string, createdAt: string, action: ConsentAction, source: ConsentSource, subjectType: ConsentSubjectType, subjectId: string, phone: string | null, actorLabel: string | null, actorApiKeyId: string | null, attestation: string | null, disclosureText: string | null, disclosureVersion: string | null, ipAddress: string | null, userAgent: string | null, keyword: string | null, studyId: string | null, sessionId: string | null, bookingId: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ConsoleExportConsentRecordsQueryVariables = Exact<{
  filter?: ConsentRecordFilter | null | undefined;
}>;


export type ConsoleExportConsentRecordsQuery = { exportConsentRecords: string };

export type ConsoleConsentChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleConsentChangedSubscription = { consentChanged: { count: number, action: ConsentAction, source: ConsentSource, subjectType: ConsentSubjectType, recordedAt: string } };

export type QueuedJobFieldsFragment = { id: string, name: string, state: JobQueueState, nextRunAt: string | null, lastRunAt: string | null, lockedAt: string | null, failCount: number | null, failReason: string | null, system: boolean, message: { id: string, kind: MessageKind, status: MessageStatus, recipientPhone: string | null, errorCode: string | null, participant: { name: string } | null, employee: { name: string } | null } | null };

export type ConsoleJobQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleJobQueueQuery = { jobQueue: { store: string, generatedAt: string, dueSoonMinutes: number, partial: boolean, counts: Array<{ name: string, running: number, retrying: number, overdue: number, dueSoon: number, scheduled: number, failed: number }>, next: Array<{ id: string, name: string, state: JobQueueState, nextRunAt: string | null, lastRunAt: string | null, lockedAt: string | null, failCount: number | null, failReason: string | null, system: boolean, message: { id: string, kind: MessageKind, status: MessageStatus, recipientPhone: string | null, errorCode: string | null, participant: { name: string } | null, employee: { name: string } | null } | null }>, oldestOverdue: { id: string, name: string, state: JobQueueState, nextRunAt: string | null, lastRunAt: string | null, lockedAt: string | null, failCount: number | null, failReason: string | null, system: boolean, message: { id: string, kind: MessageKind, status: MessageStatus, recipientPhone: string | null, errorCode: string | null, participant: { name: string } | null, employee: { name: string } | null } | null } | null } };

export type FeedRowFragment = { id: string, createdAt: string, updatedAt: string, status: MessageStatus, kind: MessageKind, direction: MessageDirection, recipientPhone: string | null, skipReason: SkipReason | null, errorCode: string | null, errorReason: string | null, scheduledFor: string | null, holdReason: string | null, participant: { name: string } | null, employee: { name: string } | null };

export type ConsoleCommsEventsSubscriptionVariables = Exact<{
  filter?: CommsEventFilter | null | undefined;
}>;


export type ConsoleCommsEventsSubscription = { commsEvents: { type: CommsEventType, entry: { id: string, createdAt: string, updatedAt: string, status: MessageStatus, kind: MessageKind, direction: MessageDirection, recipientPhone: string | null, skipReason: SkipReason | null, errorCode: string | null, errorReason: string | null, scheduledFor: string | null, holdReason: string | null, participant: { name: string } | null, employee: { name: string } | null } } };

export type ConsoleLatestCommsQueryVariables = Exact<{
  filter?: CommsLogFilter | null | undefined;
}>;


export type ConsoleLatestCommsQuery = { commsLog: { nodes: Array<{ id: string, createdAt: string, updatedAt: string, status: MessageStatus, kind: MessageKind, direction: MessageDirection, recipientPhone: string | null, skipReason: SkipReason | null, errorCode: string | null, errorReason: string | null, scheduledFor: string | null, holdReason: string | null, participant: { name: string } | null, employee: { name: string } | null }> } };

export type ConsoleCommsSinceQueryVariables = Exact<{
  filter?: CommsLogFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleCommsSinceQuery = { commsLog: { nodes: Array<{ id: string, createdAt: string, updatedAt: string, status: MessageStatus, kind: MessageKind, direction: MessageDirection, recipientPhone: string | null, skipReason: SkipReason | null, errorCode: string | null, errorReason: string | null, scheduledFor: string | null, holdReason: string | null, participant: { name: string } | null, employee: { name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CodeExplanationFieldsFragment = { code: string, source: string, title: string, meaning: string, whatToDo: string };

export type ConsoleMessageDetailQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleMessageDetailQuery = { commsLogEntry: { id: string, createdAt: string, direction: MessageDirection, kind: MessageKind, status: MessageStatus, skipReason: SkipReason | null, channel: MessageChannel | null, recipientPhone: string | null, senderPhone: string | null, recipientTimeZone: string | null, holdReason: string | null, scheduledFor: string | null, subjectStartsAt: string | null, attempts: number, segments: number | null, encoding: string | null, providerMessageId: string | null, errorCode: string | null, errorReason: string | null, studyId: string | null, sessionId: string | null, shiftId: string | null, scheduleWeekId: string | null, resendOfId: string | null, errorExplanation: { code: string, source: string, title: string, meaning: string, whatToDo: string } | null, participant: { id: string, name: string } | null, employee: { id: string, name: string } | null, history: Array<{ id: string, at: string, type: MessageEventType, attempt: number | null, code: string | null, providerStatus: string | null, detail: string | null, explanation: { code: string, source: string, title: string, meaning: string, whatToDo: string } | null }> }, messageText: { text: string | null, asSent: boolean } };

export type ConsoleResendMessageMutationVariables = Exact<{
  entryId: string;
  idempotencyKey: string;
}>;


export type ConsoleResendMessageMutation = { resendMessage: { id: string, status: MessageStatus } };

export type ConsoleMessagesQueryVariables = Exact<{
  filter?: CommsLogFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleMessagesQuery = { commsLog: { nodes: Array<{ id: string, createdAt: string, updatedAt: string, status: MessageStatus, kind: MessageKind, direction: MessageDirection, recipientPhone: string | null, skipReason: SkipReason | null, errorCode: string | null, errorReason: string | null, scheduledFor: string | null, holdReason: string | null, participant: { name: string } | null, employee: { name: string } | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ConsoleExportCommsLogQueryVariables = Exact<{
  filter?: CommsLogFilter | null | undefined;
}>;


export type ConsoleExportCommsLogQuery = { exportCommsLog: string };

export type ConsoleOverviewQueryVariables = Exact<{
  hours: number;
  binMinutes: number;
}>;


export type ConsoleOverviewQuery = { commsOverview: { from: string, to: string, binMinutes: number, totals: { queued: number, sent: number, delivered: number, failed: number, skipped: number }, bins: Array<{ start: string, queued: number, sent: number, delivered: number, failed: number, skipped: number }>, topSkipReasons: Array<{ reason: SkipReason, count: number }> } };

export type ConsoleParticipantQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleParticipantQuery = { participant: { id: string, name: string, email: string, phone: string | null, smsConsent: boolean, createdAt: string, updatedAt: string, timeZone: string | null, language: Language, bookings: Array<{ id: string, status: BookingStatus, createdAt: string, cancelledAt: string | null, session: { id: string, startsAt: string, durationMinutes: number, location: string | null, status: SessionStatus, study: { id: string, name: string } } }> } };

export type ConsoleParticipantConsentQueryVariables = Exact<{
  filter?: ConsentRecordFilter | null | undefined;
}>;


export type ConsoleParticipantConsentQuery = { consentRecords: { nodes: Array<{ id: string, action: ConsentAction, source: ConsentSource, actorLabel: string | null, attestation: string | null, createdAt: string, phone: string | null, disclosureVersion: string | null, disclosureText: string | null, keyword: string | null, ipAddress: string | null, userAgent: string | null, studyId: string | null }> } };

export type ConsoleParticipantConsentChangedSubscriptionVariables = Exact<{
  subjectId?: string | null | undefined;
}>;


export type ConsoleParticipantConsentChangedSubscription = { consentChanged: { count: number } };

export type ConsoleSetParticipantConsentMutationVariables = Exact<{
  input: SetParticipantSmsConsentInput;
}>;


export type ConsoleSetParticipantConsentMutation = { setParticipantSmsConsent: { id: string, smsConsent: boolean, phone: string | null } };

export type ConsoleParticipantsQueryVariables = Exact<{
  after?: string | null | undefined;
  filter?: ParticipantFilter | null | undefined;
  first?: number;
}>;


export type ConsoleParticipantsQuery = { participants: { nodes: Array<{ id: string, name: string, email: string, phone: string | null, smsConsent: boolean, createdAt: string, bookings: Array<{ id: string }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type PublicInviteQueryVariables = Exact<{
  token: string;
  language?: Language | null | undefined;
}>;


export type PublicInviteQuery = { invite: { studyName: string, timeZone: string, smsRequired: boolean, challengeRequired: boolean, disclosure: { version: string, language: Language, text: string }, sessions: Array<{ id: string, startsAt: string, durationMinutes: number, location: string | null }> } };

export type PublicSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type PublicSignUpMutation = { signUp: { manageUrl: string, booking: { id: string, sessionId: string } } };

export type PublicSignupChallengeQueryVariables = Exact<{
  token: string;
}>;


export type PublicSignupChallengeQuery = { signupChallenge: string };

export type PublicBookingQueryVariables = Exact<{
  manageToken: string;
}>;


export type PublicBookingQuery = { booking: { id: string, studyName: string, startsAt: string, durationMinutes: number, location: string | null, status: BookingStatus, sessionStatus: SessionStatus, cancelledAt: string | null, hasPhone: boolean, phoneLastDigits: string | null, smsConsent: boolean, sessionTimeZone: string, timeZone: string, language: Language } };

export type PublicRemovePhoneMutationVariables = Exact<{
  manageToken: string;
}>;


export type PublicRemovePhoneMutation = { removeBookingPhone: { id: string } };

export type PublicCancelBookingMutationVariables = Exact<{
  manageToken: string;
}>;


export type PublicCancelBookingMutation = { cancelBooking: { id: string } };

export type PublicSetTimeZoneMutationVariables = Exact<{
  manageToken: string;
  timeZone: string;
}>;


export type PublicSetTimeZoneMutation = { setBookingTimeZone: { id: string } };

export type ConsoleScheduleWeeksQueryVariables = Exact<{
  after?: string | null | undefined;
  filter?: ScheduleWeekFilter | null | undefined;
}>;


export type ConsoleScheduleWeeksQuery = { scheduleWeeks: { nodes: Array<{ id: string, weekStart: string, sendSmsAlert: boolean, publishedAt: string | null, employee: { id: string, name: string, smsOptIn: boolean, phone: string | null }, shifts: Array<{ id: string, startsAt: string, endsAt: string, note: string | null }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ConsoleScheduleEmployeesQueryVariables = Exact<{
  filter?: EmployeeFilter | null | undefined;
}>;


export type ConsoleScheduleEmployeesQuery = { employees: { nodes: Array<{ id: string, name: string, email: string | null, phone: string | null, smsOptIn: boolean }> } };

export type ConsoleTimeOffQueryVariables = Exact<{
  after?: string | null | undefined;
  filter?: TimeOffRequestFilter | null | undefined;
}>;


export type ConsoleTimeOffQuery = { timeOffRequests: { nodes: Array<{ id: string, startsOn: string, endsOn: string, reason: string | null, status: TimeOffStatus, createdAt: string, decidedAt: string | null, decidedBy: string | null, employee: { id: string, name: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ConsoleWeekAlertMutationVariables = Exact<{
  weekId: string;
  enabled: boolean;
}>;


export type ConsoleWeekAlertMutation = { setWeekSmsAlert: { id: string, sendSmsAlert: boolean } };

export type ConsoleSaveWeekMutationVariables = Exact<{
  input: SaveScheduleWeekInput;
}>;


export type ConsoleSaveWeekMutation = { saveScheduleWeek: { id: string } };

export type ConsolePublishPreviewQueryVariables = Exact<{
  weekStart: string;
}>;


export type ConsolePublishPreviewQuery = { schedulePublishPreview: { weekStart: string, weeks: number, changed: number, everyone: number } };

export type ConsolePublishMutationVariables = Exact<{
  input: PublishScheduleInput;
}>;


export type ConsolePublishMutation = { publishSchedule: { weeksPublished: number, messagesQueued: number, employeesUnchanged: number } };

export type ConsoleDecideTimeOffMutationVariables = Exact<{
  id: string;
  approved: boolean;
}>;


export type ConsoleDecideTimeOffMutation = { decideTimeOff: { id: string, status: TimeOffStatus } };

export type ConsoleBreakerStateQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleBreakerStateQuery = { workspace: { id: string, pumpingBreaker: { tripped: boolean, trippedAt: string | null } } };

export type ConsoleWorkspaceAlertsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWorkspaceAlertsSubscription = { workspaceAlerts: { kind: WorkspaceAlertKind, at: string } };

export type ConsoleStudiesQueryVariables = Exact<{
  after?: string | null | undefined;
  filter?: StudyFilter | null | undefined;
}>;


export type ConsoleStudiesQuery = { studies: { nodes: Array<{ id: string, name: string, smsRemindersEnabled: boolean, createdAt: string, sessions: Array<{ id: string, status: SessionStatus, startsAt: string }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ConsoleCreateStudyMutationVariables = Exact<{
  input: CreateStudyInput;
}>;


export type ConsoleCreateStudyMutation = { createStudy: { id: string } };

export type ConsoleStudyQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleStudyQuery = { study: { id: string, name: string, inviteUrl: string, smsRemindersEnabled: boolean, createdAt: string, sessions: Array<{ id: string, startsAt: string, durationMinutes: number, location: string | null, status: SessionStatus, bookings: Array<{ id: string, status: BookingStatus, createdAt: string, cancelledAt: string | null, participant: { id: string, name: string, email: string, phone: string | null, smsConsent: boolean } }> }> } };

export type ConsoleBookingMessagesQueryVariables = Exact<{
  filter?: CommsLogFilter | null | undefined;
}>;


export type ConsoleBookingMessagesQuery = { commsLog: { nodes: Array<{ id: string, kind: MessageKind, status: MessageStatus, skipReason: SkipReason | null, errorReason: string | null, channel: MessageChannel | null, recipientPhone: string | null, body: string | null, createdAt: string, scheduledFor: string | null, sentAt: string | null }> } };

export type ConsoleStudyRemindersMutationVariables = Exact<{
  studyId: string;
  enabled: boolean;
}>;


export type ConsoleStudyRemindersMutation = { setStudySmsReminders: { id: string, smsRemindersEnabled: boolean } };

export type ConsoleCreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type ConsoleCreateSessionMutation = { createSession: { id: string } };

export type ConsoleRescheduleMutationVariables = Exact<{
  input: RescheduleSessionInput;
}>;


export type ConsoleRescheduleMutation = { rescheduleSession: { messagesQueued: number } };

export type ConsoleCancelSessionMutationVariables = Exact<{
  sessionId: string;
}>;


export type ConsoleCancelSessionMutation = { cancelSession: { messagesQueued: number } };

export type ConsoleDayOfUpdateMutationVariables = Exact<{
  input: SendDayOfUpdateInput;
}>;


export type ConsoleDayOfUpdateMutation = { sendDayOfUpdate: { messagesQueued: number } };

export type ConsoleEmployeesQueryVariables = Exact<{
  after?: string | null | undefined;
  filter?: EmployeeFilter | null | undefined;
}>;


export type ConsoleEmployeesQuery = { employees: { nodes: Array<{ id: string, name: string, email: string | null, phone: string | null, smsOptIn: boolean, carrierName: string | null, carrierLookupStatus: CarrierLookupStatus | null, timeZone: string | null, language: Language | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ConsoleBulkOptInPreviewQueryVariables = Exact<{
  input: BulkSmsOptInScopeInput;
}>;


export type ConsoleBulkOptInPreviewQuery = { bulkSmsOptInPreview: { matched: number, changed: number, unchanged: number, skippedNoPhone: number } };

export type ConsoleEmployeeOptInMutationVariables = Exact<{
  input: SetEmployeeSmsOptInInput;
}>;


export type ConsoleEmployeeOptInMutation = { setEmployeeSmsOptIn: { id: string, smsOptIn: boolean } };

export type ConsoleUpsertEmployeeMutationVariables = Exact<{
  input: UpsertEmployeeInput;
}>;


export type ConsoleUpsertEmployeeMutation = { upsertEmployee: { id: string } };

export type ConsoleBulkOptInMutationVariables = Exact<{
  input: BulkSetEmployeeSmsOptInInput;
}>;


export type ConsoleBulkOptInMutation = { bulkSetEmployeeSmsOptIn: { matched: number, changed: number, unchanged: number, skippedNoPhone: number, weeksAlertEnabled: number } };

export type ConsoleImportEmployeesMutationVariables = Exact<{
  input: UpsertEmployeesInput;
}>;


export type ConsoleImportEmployeesMutation = { upsertEmployees: { created: number, updated: number, unchanged: number, failed: number, consentRecords: number, rows: Array<{ index: number, status: EmployeeImportRowStatus, employeeId: string | null, field: string | null, message: string | null }> } };

export type AuditPageFieldsFragment = { nodes: Array<{ id: string, createdAt: string, actorLabel: string, setting: string, oldValue: string | null, newValue: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } };

export type ConsoleWorkspaceQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWorkspaceQuery = { workspace: { id: string, name: string, smsEnabled: boolean, senderNumber: string | null, shiftAlertLeadMinutes: number, timeZone: string, language: Language, quietHoursEnabled: boolean, quietHoursStart: string, quietHoursEnd: string, updatedAt: string, delivery: { configured: boolean, provider: DeliveryProvider, emailFallback: boolean, senderNumber: string | null, summary: string }, destinationPolicy: { allowedCountries: Array<string>, isDefault: boolean }, pumpingBreaker: { tripped: boolean, trippedAt: string | null, budgetPerHour: number, newNumbersThisHour: number }, auditTrail: { nodes: Array<{ id: string, createdAt: string, actorLabel: string, setting: string, oldValue: string | null, newValue: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } } };

export type ConsoleWorkspaceAuditQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ConsoleWorkspaceAuditQuery = { workspace: { id: string, auditTrail: { nodes: Array<{ id: string, createdAt: string, actorLabel: string, setting: string, oldValue: string | null, newValue: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } } };

export type ConsoleSetWorkspaceSmsMutationVariables = Exact<{
  enabled: boolean;
}>;


export type ConsoleSetWorkspaceSmsMutation = { setWorkspaceSms: { id: string, smsEnabled: boolean } };

export type ConsoleUpdateWorkspaceSettingsMutationVariables = Exact<{
  input: UpdateWorkspaceSettingsInput;
}>;


export type ConsoleUpdateWorkspaceSettingsMutation = { updateWorkspaceSettings: { id: string, name: string, senderNumber: string | null, shiftAlertLeadMinutes: number, timeZone: string, language: Language, quietHoursEnabled: boolean, quietHoursStart: string, quietHoursEnd: string } };

export type ConsoleUpdateAbuseSettingsMutationVariables = Exact<{
  input: UpdateWorkspaceSettingsInput;
}>;


export type ConsoleUpdateAbuseSettingsMutation = { updateWorkspaceSettings: { id: string } };

export type ConsoleResetPumpingBreakerMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleResetPumpingBreakerMutation = { resetPumpingBreaker: { id: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const QueuedJobFieldsFragmentDoc = new TypedDocumentString(`
    fragment QueuedJobFields on QueuedJob {
  id
  name
  state
  nextRunAt
  lastRunAt
  lockedAt
  failCount
  failReason
  system
  message {
    id
    kind
    status
    recipientPhone
    errorCode
    participant {
      name
    }
    employee {
      name
    }
  }
}
    `, {"fragmentName":"QueuedJobFields"}) as unknown as TypedDocumentString<QueuedJobFieldsFragment, unknown>;
export const FeedRowFragmentDoc = new TypedDocumentString(`
    fragment FeedRow on CommsLogEntry {
  id
  createdAt
  updatedAt
  status
  kind
  direction
  recipientPhone
  skipReason
  errorCode
  errorReason
  scheduledFor
  holdReason
  participant {
    name
  }
  employee {
    name
  }
}
    `, {"fragmentName":"FeedRow"}) as unknown as TypedDocumentString<FeedRowFragment, unknown>;
export const CodeExplanationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CodeExplanationFields on CodeExplanation {
  code
  source
  title
  meaning
  whatToDo
}
    `, {"fragmentName":"CodeExplanationFields"}) as unknown as TypedDocumentString<CodeExplanationFieldsFragment, unknown>;
export const AuditPageFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditPageFields on WorkspaceAuditEntryConnection {
  nodes {
    id
    createdAt
    actorLabel
    setting
    oldValue
    newValue
  }
  pageInfo {
    endCursor
    hasNextPage
  }
}
    `, {"fragmentName":"AuditPageFields"}) as unknown as TypedDocumentString<AuditPageFieldsFragment, unknown>;
export const ConsoleMeDocument = new TypedDocumentString(`
    query ConsoleMe {
  me {
    apiKeyName
    role
    workspace {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMeQuery, ConsoleMeQueryVariables>;
export const ConsoleApiKeysDocument = new TypedDocumentString(`
    query ConsoleApiKeys {
  apiKeys {
    id
    name
    role
    prefix
    createdAt
    lastUsedAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleApiKeysQuery, ConsoleApiKeysQueryVariables>;
export const ConsoleCreateApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      id
      name
      role
      prefix
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateApiKeyMutation, ConsoleCreateApiKeyMutationVariables>;
export const ConsoleRevokeApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleRevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleRevokeApiKeyMutation, ConsoleRevokeApiKeyMutationVariables>;
export const ConsoleConsentRecordsDocument = new TypedDocumentString(`
    query ConsoleConsentRecords($filter: ConsentRecordFilter, $after: String) {
  consentRecords(filter: $filter, after: $after, first: 50) {
    nodes {
      id
      createdAt
      action
      source
      subjectType
      subjectId
      phone
      actorLabel
      actorApiKeyId
      attestation
      disclosureText
      disclosureVersion
      ipAddress
      userAgent
      keyword
      studyId
      sessionId
      bookingId
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleConsentRecordsQuery, ConsoleConsentRecordsQueryVariables>;
export const ConsoleExportConsentRecordsDocument = new TypedDocumentString(`
    query ConsoleExportConsentRecords($filter: ConsentRecordFilter) {
  exportConsentRecords(filter: $filter)
}
    `) as unknown as TypedDocumentString<ConsoleExportConsentRecordsQuery, ConsoleExportConsentRecordsQueryVariables>;
export const ConsoleConsentChangedDocument = new TypedDocumentString(`
    subscription ConsoleConsentChanged {
  consentChanged {
    count
    action
    source
    subjectType
    recordedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleConsentChangedSubscription, ConsoleConsentChangedSubscriptionVariables>;
export const ConsoleJobQueueDocument = new TypedDocumentString(`
    query ConsoleJobQueue {
  jobQueue {
    store
    generatedAt
    dueSoonMinutes
    partial
    counts {
      name
      running
      retrying
      overdue
      dueSoon
      scheduled
      failed
    }
    next {
      ...QueuedJobFields
    }
    oldestOverdue {
      ...QueuedJobFields
    }
  }
}
    fragment QueuedJobFields on QueuedJob {
  id
  name
  state
  nextRunAt
  lastRunAt
  lockedAt
  failCount
  failReason
  system
  message {
    id
    kind
    status
    recipientPhone
    errorCode
    participant {
      name
    }
    employee {
      name
    }
  }
}`) as unknown as TypedDocumentString<ConsoleJobQueueQuery, ConsoleJobQueueQueryVariables>;
export const ConsoleCommsEventsDocument = new TypedDocumentString(`
    subscription ConsoleCommsEvents($filter: CommsEventFilter) {
  commsEvents(filter: $filter) {
    type
    entry {
      ...FeedRow
    }
  }
}
    fragment FeedRow on CommsLogEntry {
  id
  createdAt
  updatedAt
  status
  kind
  direction
  recipientPhone
  skipReason
  errorCode
  errorReason
  scheduledFor
  holdReason
  participant {
    name
  }
  employee {
    name
  }
}`) as unknown as TypedDocumentString<ConsoleCommsEventsSubscription, ConsoleCommsEventsSubscriptionVariables>;
export const ConsoleLatestCommsDocument = new TypedDocumentString(`
    query ConsoleLatestComms($filter: CommsLogFilter) {
  commsLog(first: 50, filter: $filter) {
    nodes {
      ...FeedRow
    }
  }
}
    fragment FeedRow on CommsLogEntry {
  id
  createdAt
  updatedAt
  status
  kind
  direction
  recipientPhone
  skipReason
  errorCode
  errorReason
  scheduledFor
  holdReason
  participant {
    name
  }
  employee {
    name
  }
}`) as unknown as TypedDocumentString<ConsoleLatestCommsQuery, ConsoleLatestCommsQueryVariables>;
export const ConsoleCommsSinceDocument = new TypedDocumentString(`
    query ConsoleCommsSince($filter: CommsLogFilter, $after: String) {
  commsLog(first: 100, after: $after, filter: $filter) {
    nodes {
      ...FeedRow
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment FeedRow on CommsLogEntry {
  id
  createdAt
  updatedAt
  status
  kind
  direction
  recipientPhone
  skipReason
  errorCode
  errorReason
  scheduledFor
  holdReason
  participant {
    name
  }
  employee {
    name
  }
}`) as unknown as TypedDocumentString<ConsoleCommsSinceQuery, ConsoleCommsSinceQueryVariables>;
export const ConsoleMessageDetailDocument = new TypedDocumentString(`
    query ConsoleMessageDetail($id: ID!) {
  commsLogEntry(id: $id) {
    id
    createdAt
    direction
    kind
    status
    skipReason
    channel
    recipientPhone
    senderPhone
    recipientTimeZone
    holdReason
    scheduledFor
    subjectStartsAt
    attempts
    segments
    encoding
    providerMessageId
    errorCode
    errorReason
    errorExplanation {
      ...CodeExplanationFields
    }
    studyId
    sessionId
    shiftId
    scheduleWeekId
    resendOfId
    participant {
      id
      name
    }
    employee {
      id
      name
    }
    history {
      id
      at
      type
      attempt
      code
      providerStatus
      detail
      explanation {
        ...CodeExplanationFields
      }
    }
  }
  messageText(entryId: $id) {
    text
    asSent
  }
}
    fragment CodeExplanationFields on CodeExplanation {
  code
  source
  title
  meaning
  whatToDo
}`) as unknown as TypedDocumentString<ConsoleMessageDetailQuery, ConsoleMessageDetailQueryVariables>;
export const ConsoleResendMessageDocument = new TypedDocumentString(`
    mutation ConsoleResendMessage($entryId: ID!, $idempotencyKey: String!) {
  resendMessage(entryId: $entryId, idempotencyKey: $idempotencyKey) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleResendMessageMutation, ConsoleResendMessageMutationVariables>;
export const ConsoleMessagesDocument = new TypedDocumentString(`
    query ConsoleMessages($filter: CommsLogFilter, $after: String) {
  commsLog(first: 50, after: $after, filter: $filter) {
    nodes {
      ...FeedRow
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    fragment FeedRow on CommsLogEntry {
  id
  createdAt
  updatedAt
  status
  kind
  direction
  recipientPhone
  skipReason
  errorCode
  errorReason
  scheduledFor
  holdReason
  participant {
    name
  }
  employee {
    name
  }
}`) as unknown as TypedDocumentString<ConsoleMessagesQuery, ConsoleMessagesQueryVariables>;
export const ConsoleExportCommsLogDocument = new TypedDocumentString(`
    query ConsoleExportCommsLog($filter: CommsLogFilter) {
  exportCommsLog(filter: $filter)
}
    `) as unknown as TypedDocumentString<ConsoleExportCommsLogQuery, ConsoleExportCommsLogQueryVariables>;
export const ConsoleOverviewDocument = new TypedDocumentString(`
    query ConsoleOverview($hours: Int!, $binMinutes: Int!) {
  commsOverview(hours: $hours, binMinutes: $binMinutes) {
    from
    to
    binMinutes
    totals {
      queued
      sent
      delivered
      failed
      skipped
    }
    bins {
      start
      queued
      sent
      delivered
      failed
      skipped
    }
    topSkipReasons {
      reason
      count
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleOverviewQuery, ConsoleOverviewQueryVariables>;
export const ConsoleParticipantDocument = new TypedDocumentString(`
    query ConsoleParticipant($id: ID!) {
  participant(id: $id) {
    id
    name
    email
    phone
    smsConsent
    createdAt
    updatedAt
    timeZone
    language
    bookings {
      id
      status
      createdAt
      cancelledAt
      session {
        id
        startsAt
        durationMinutes
        location
        status
        study {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleParticipantQuery, ConsoleParticipantQueryVariables>;
export const ConsoleParticipantConsentDocument = new TypedDocumentString(`
    query ConsoleParticipantConsent($filter: ConsentRecordFilter) {
  consentRecords(first: 100, filter: $filter) {
    nodes {
      id
      action
      source
      actorLabel
      attestation
      createdAt
      phone
      disclosureVersion
      disclosureText
      keyword
      ipAddress
      userAgent
      studyId
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleParticipantConsentQuery, ConsoleParticipantConsentQueryVariables>;
export const ConsoleParticipantConsentChangedDocument = new TypedDocumentString(`
    subscription ConsoleParticipantConsentChanged($subjectId: ID) {
  consentChanged(subjectId: $subjectId) {
    count
  }
}
    `) as unknown as TypedDocumentString<ConsoleParticipantConsentChangedSubscription, ConsoleParticipantConsentChangedSubscriptionVariables>;
export const ConsoleSetParticipantConsentDocument = new TypedDocumentString(`
    mutation ConsoleSetParticipantConsent($input: SetParticipantSmsConsentInput!) {
  setParticipantSmsConsent(input: $input) {
    id
    smsConsent
    phone
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetParticipantConsentMutation, ConsoleSetParticipantConsentMutationVariables>;
export const ConsoleParticipantsDocument = new TypedDocumentString(`
    query ConsoleParticipants($after: String, $filter: ParticipantFilter, $first: Int! = 25) {
  participants(first: $first, after: $after, filter: $filter) {
    nodes {
      id
      name
      email
      phone
      smsConsent
      createdAt
      bookings {
        id
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleParticipantsQuery, ConsoleParticipantsQueryVariables>;
export const PublicInviteDocument = new TypedDocumentString(`
    query PublicInvite($token: String!, $language: Language) {
  invite(token: $token, language: $language) {
    studyName
    timeZone
    smsRequired
    challengeRequired
    disclosure {
      version
      language
      text
    }
    sessions {
      id
      startsAt
      durationMinutes
      location
    }
  }
}
    `) as unknown as TypedDocumentString<PublicInviteQuery, PublicInviteQueryVariables>;
export const PublicSignUpDocument = new TypedDocumentString(`
    mutation PublicSignUp($input: SignUpInput!) {
  signUp(input: $input) {
    manageUrl
    booking {
      id
      sessionId
    }
  }
}
    `) as unknown as TypedDocumentString<PublicSignUpMutation, PublicSignUpMutationVariables>;
export const PublicSignupChallengeDocument = new TypedDocumentString(`
    query PublicSignupChallenge($token: String!) {
  signupChallenge(inviteToken: $token)
}
    `) as unknown as TypedDocumentString<PublicSignupChallengeQuery, PublicSignupChallengeQueryVariables>;
export const PublicBookingDocument = new TypedDocumentString(`
    query PublicBooking($manageToken: String!) {
  booking(manageToken: $manageToken) {
    id
    studyName
    startsAt
    durationMinutes
    location
    status
    sessionStatus
    cancelledAt
    hasPhone
    phoneLastDigits
    smsConsent
    sessionTimeZone
    timeZone
    language
  }
}
    `) as unknown as TypedDocumentString<PublicBookingQuery, PublicBookingQueryVariables>;
export const PublicRemovePhoneDocument = new TypedDocumentString(`
    mutation PublicRemovePhone($manageToken: String!) {
  removeBookingPhone(manageToken: $manageToken) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublicRemovePhoneMutation, PublicRemovePhoneMutationVariables>;
export const PublicCancelBookingDocument = new TypedDocumentString(`
    mutation PublicCancelBooking($manageToken: String!) {
  cancelBooking(manageToken: $manageToken) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublicCancelBookingMutation, PublicCancelBookingMutationVariables>;
export const PublicSetTimeZoneDocument = new TypedDocumentString(`
    mutation PublicSetTimeZone($manageToken: String!, $timeZone: String!) {
  setBookingTimeZone(manageToken: $manageToken, timeZone: $timeZone) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublicSetTimeZoneMutation, PublicSetTimeZoneMutationVariables>;
export const ConsoleScheduleWeeksDocument = new TypedDocumentString(`
    query ConsoleScheduleWeeks($after: String, $filter: ScheduleWeekFilter) {
  scheduleWeeks(first: 25, after: $after, filter: $filter) {
    nodes {
      id
      weekStart
      sendSmsAlert
      publishedAt
      employee {
        id
        name
        smsOptIn
        phone
      }
      shifts {
        id
        startsAt
        endsAt
        note
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleScheduleWeeksQuery, ConsoleScheduleWeeksQueryVariables>;
export const ConsoleScheduleEmployeesDocument = new TypedDocumentString(`
    query ConsoleScheduleEmployees($filter: EmployeeFilter) {
  employees(first: 10, filter: $filter) {
    nodes {
      id
      name
      email
      phone
      smsOptIn
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleScheduleEmployeesQuery, ConsoleScheduleEmployeesQueryVariables>;
export const ConsoleTimeOffDocument = new TypedDocumentString(`
    query ConsoleTimeOff($after: String, $filter: TimeOffRequestFilter) {
  timeOffRequests(first: 25, after: $after, filter: $filter) {
    nodes {
      id
      startsOn
      endsOn
      reason
      status
      createdAt
      decidedAt
      decidedBy
      employee {
        id
        name
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleTimeOffQuery, ConsoleTimeOffQueryVariables>;
export const ConsoleWeekAlertDocument = new TypedDocumentString(`
    mutation ConsoleWeekAlert($weekId: ID!, $enabled: Boolean!) {
  setWeekSmsAlert(weekId: $weekId, enabled: $enabled) {
    id
    sendSmsAlert
  }
}
    `) as unknown as TypedDocumentString<ConsoleWeekAlertMutation, ConsoleWeekAlertMutationVariables>;
export const ConsoleSaveWeekDocument = new TypedDocumentString(`
    mutation ConsoleSaveWeek($input: SaveScheduleWeekInput!) {
  saveScheduleWeek(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleSaveWeekMutation, ConsoleSaveWeekMutationVariables>;
export const ConsolePublishPreviewDocument = new TypedDocumentString(`
    query ConsolePublishPreview($weekStart: String!) {
  schedulePublishPreview(weekStart: $weekStart) {
    weekStart
    weeks
    changed
    everyone
  }
}
    `) as unknown as TypedDocumentString<ConsolePublishPreviewQuery, ConsolePublishPreviewQueryVariables>;
export const ConsolePublishDocument = new TypedDocumentString(`
    mutation ConsolePublish($input: PublishScheduleInput!) {
  publishSchedule(input: $input) {
    weeksPublished
    messagesQueued
    employeesUnchanged
  }
}
    `) as unknown as TypedDocumentString<ConsolePublishMutation, ConsolePublishMutationVariables>;
export const ConsoleDecideTimeOffDocument = new TypedDocumentString(`
    mutation ConsoleDecideTimeOff($id: ID!, $approved: Boolean!) {
  decideTimeOff(id: $id, approved: $approved) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleDecideTimeOffMutation, ConsoleDecideTimeOffMutationVariables>;
export const ConsoleBreakerStateDocument = new TypedDocumentString(`
    query ConsoleBreakerState {
  workspace {
    id
    pumpingBreaker {
      tripped
      trippedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleBreakerStateQuery, ConsoleBreakerStateQueryVariables>;
export const ConsoleWorkspaceAlertsDocument = new TypedDocumentString(`
    subscription ConsoleWorkspaceAlerts {
  workspaceAlerts {
    kind
    at
  }
}
    `) as unknown as TypedDocumentString<ConsoleWorkspaceAlertsSubscription, ConsoleWorkspaceAlertsSubscriptionVariables>;
export const ConsoleStudiesDocument = new TypedDocumentString(`
    query ConsoleStudies($after: String, $filter: StudyFilter) {
  studies(first: 25, after: $after, filter: $filter) {
    nodes {
      id
      name
      smsRemindersEnabled
      createdAt
      sessions {
        id
        status
        startsAt
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleStudiesQuery, ConsoleStudiesQueryVariables>;
export const ConsoleCreateStudyDocument = new TypedDocumentString(`
    mutation ConsoleCreateStudy($input: CreateStudyInput!) {
  createStudy(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateStudyMutation, ConsoleCreateStudyMutationVariables>;
export const ConsoleStudyDocument = new TypedDocumentString(`
    query ConsoleStudy($id: ID!) {
  study(id: $id) {
    id
    name
    inviteUrl
    smsRemindersEnabled
    createdAt
    sessions {
      id
      startsAt
      durationMinutes
      location
      status
      bookings {
        id
        status
        createdAt
        cancelledAt
        participant {
          id
          name
          email
          phone
          smsConsent
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleStudyQuery, ConsoleStudyQueryVariables>;
export const ConsoleBookingMessagesDocument = new TypedDocumentString(`
    query ConsoleBookingMessages($filter: CommsLogFilter) {
  commsLog(first: 50, filter: $filter) {
    nodes {
      id
      kind
      status
      skipReason
      errorReason
      channel
      recipientPhone
      body
      createdAt
      scheduledFor
      sentAt
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleBookingMessagesQuery, ConsoleBookingMessagesQueryVariables>;
export const ConsoleStudyRemindersDocument = new TypedDocumentString(`
    mutation ConsoleStudyReminders($studyId: ID!, $enabled: Boolean!) {
  setStudySmsReminders(studyId: $studyId, enabled: $enabled) {
    id
    smsRemindersEnabled
  }
}
    `) as unknown as TypedDocumentString<ConsoleStudyRemindersMutation, ConsoleStudyRemindersMutationVariables>;
export const ConsoleCreateSessionDocument = new TypedDocumentString(`
    mutation ConsoleCreateSession($input: CreateSessionInput!) {
  createSession(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateSessionMutation, ConsoleCreateSessionMutationVariables>;
export const ConsoleRescheduleDocument = new TypedDocumentString(`
    mutation ConsoleReschedule($input: RescheduleSessionInput!) {
  rescheduleSession(input: $input) {
    messagesQueued
  }
}
    `) as unknown as TypedDocumentString<ConsoleRescheduleMutation, ConsoleRescheduleMutationVariables>;
export const ConsoleCancelSessionDocument = new TypedDocumentString(`
    mutation ConsoleCancelSession($sessionId: ID!) {
  cancelSession(sessionId: $sessionId) {
    messagesQueued
  }
}
    `) as unknown as TypedDocumentString<ConsoleCancelSessionMutation, ConsoleCancelSessionMutationVariables>;
export const ConsoleDayOfUpdateDocument = new TypedDocumentString(`
    mutation ConsoleDayOfUpdate($input: SendDayOfUpdateInput!) {
  sendDayOfUpdate(input: $input) {
    messagesQueued
  }
}
    `) as unknown as TypedDocumentString<ConsoleDayOfUpdateMutation, ConsoleDayOfUpdateMutationVariables>;
export const ConsoleEmployeesDocument = new TypedDocumentString(`
    query ConsoleEmployees($after: String, $filter: EmployeeFilter) {
  employees(first: 25, after: $after, filter: $filter) {
    nodes {
      id
      name
      email
      phone
      smsOptIn
      carrierName
      carrierLookupStatus
      timeZone
      language
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleEmployeesQuery, ConsoleEmployeesQueryVariables>;
export const ConsoleBulkOptInPreviewDocument = new TypedDocumentString(`
    query ConsoleBulkOptInPreview($input: BulkSmsOptInScopeInput!) {
  bulkSmsOptInPreview(input: $input) {
    matched
    changed
    unchanged
    skippedNoPhone
  }
}
    `) as unknown as TypedDocumentString<ConsoleBulkOptInPreviewQuery, ConsoleBulkOptInPreviewQueryVariables>;
export const ConsoleEmployeeOptInDocument = new TypedDocumentString(`
    mutation ConsoleEmployeeOptIn($input: SetEmployeeSmsOptInInput!) {
  setEmployeeSmsOptIn(input: $input) {
    id
    smsOptIn
  }
}
    `) as unknown as TypedDocumentString<ConsoleEmployeeOptInMutation, ConsoleEmployeeOptInMutationVariables>;
export const ConsoleUpsertEmployeeDocument = new TypedDocumentString(`
    mutation ConsoleUpsertEmployee($input: UpsertEmployeeInput!) {
  upsertEmployee(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpsertEmployeeMutation, ConsoleUpsertEmployeeMutationVariables>;
export const ConsoleBulkOptInDocument = new TypedDocumentString(`
    mutation ConsoleBulkOptIn($input: BulkSetEmployeeSmsOptInInput!) {
  bulkSetEmployeeSmsOptIn(input: $input) {
    matched
    changed
    unchanged
    skippedNoPhone
    weeksAlertEnabled
  }
}
    `) as unknown as TypedDocumentString<ConsoleBulkOptInMutation, ConsoleBulkOptInMutationVariables>;
export const ConsoleImportEmployeesDocument = new TypedDocumentString(`
    mutation ConsoleImportEmployees($input: UpsertEmployeesInput!) {
  upsertEmployees(input: $input) {
    created
    updated
    unchanged
    failed
    consentRecords
    rows {
      index
      status
      employeeId
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleImportEmployeesMutation, ConsoleImportEmployeesMutationVariables>;
export const ConsoleWorkspaceDocument = new TypedDocumentString(`
    query ConsoleWorkspace {
  workspace {
    id
    name
    smsEnabled
    senderNumber
    shiftAlertLeadMinutes
    timeZone
    language
    quietHoursEnabled
    quietHoursStart
    quietHoursEnd
    updatedAt
    delivery {
      configured
      provider
      emailFallback
      senderNumber
      summary
    }
    destinationPolicy {
      allowedCountries
      isDefault
    }
    pumpingBreaker {
      tripped
      trippedAt
      budgetPerHour
      newNumbersThisHour
    }
    auditTrail(first: 25) {
      ...AuditPageFields
    }
  }
}
    fragment AuditPageFields on WorkspaceAuditEntryConnection {
  nodes {
    id
    createdAt
    actorLabel
    setting
    oldValue
    newValue
  }
  pageInfo {
    endCursor
    hasNextPage
  }
}`) as unknown as TypedDocumentString<ConsoleWorkspaceQuery, ConsoleWorkspaceQueryVariables>;
export const ConsoleWorkspaceAuditDocument = new TypedDocumentString(`
    query ConsoleWorkspaceAudit($after: String) {
  workspace {
    id
    auditTrail(first: 25, after: $after) {
      ...AuditPageFields
    }
  }
}
    fragment AuditPageFields on WorkspaceAuditEntryConnection {
  nodes {
    id
    createdAt
    actorLabel
    setting
    oldValue
    newValue
  }
  pageInfo {
    endCursor
    hasNextPage
  }
}`) as unknown as TypedDocumentString<ConsoleWorkspaceAuditQuery, ConsoleWorkspaceAuditQueryVariables>;
export const ConsoleSetWorkspaceSmsDocument = new TypedDocumentString(`
    mutation ConsoleSetWorkspaceSms($enabled: Boolean!) {
  setWorkspaceSms(enabled: $enabled) {
    id
    smsEnabled
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetWorkspaceSmsMutation, ConsoleSetWorkspaceSmsMutationVariables>;
export const ConsoleUpdateWorkspaceSettingsDocument = new TypedDocumentString(`
    mutation ConsoleUpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {
  updateWorkspaceSettings(input: $input) {
    id
    name
    senderNumber
    shiftAlertLeadMinutes
    timeZone
    language
    quietHoursEnabled
    quietHoursStart
    quietHoursEnd
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateWorkspaceSettingsMutation, ConsoleUpdateWorkspaceSettingsMutationVariables>;
export const ConsoleUpdateAbuseSettingsDocument = new TypedDocumentString(`
    mutation ConsoleUpdateAbuseSettings($input: UpdateWorkspaceSettingsInput!) {
  updateWorkspaceSettings(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateAbuseSettingsMutation, ConsoleUpdateAbuseSettingsMutationVariables>;
export const ConsoleResetPumpingBreakerDocument = new TypedDocumentString(`
    mutation ConsoleResetPumpingBreaker {
  resetPumpingBreaker {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleResetPumpingBreakerMutation, ConsoleResetPumpingBreakerMutationVariables>;