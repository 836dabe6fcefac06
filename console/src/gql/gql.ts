/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleMe {\n    me {\n      apiKeyName\n      role\n      workspace { id name }\n    }\n  }\n": typeof types.ConsoleMeDocument,
    "\n  query ConsoleApiKeys {\n    apiKeys { id name role prefix createdAt lastUsedAt revokedAt }\n  }\n": typeof types.ConsoleApiKeysDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name role prefix } }\n  }\n": typeof types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.ConsoleRevokeApiKeyDocument,
    "\n  query ConsoleConsentRecords($filter: ConsentRecordFilter, $after: String) {\n    consentRecords(filter: $filter, after: $after, first: 50) {\n      nodes {\n        id createdAt action source subjectType subjectId phone actorLabel actorApiKeyId attestation\n        disclosureText disclosureVersion ipAddress userAgent keyword studyId sessionId bookingId\n      }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ConsoleConsentRecordsDocument,
    "\n  query ConsoleExportConsentRecords($filter: ConsentRecordFilter) {\n    exportConsentRecords(filter: $filter)\n  }\n": typeof types.ConsoleExportConsentRecordsDocument,
    "\n  subscription ConsoleConsentChanged {\n    consentChanged { count action source subjectType recordedAt }\n  }\n": typeof types.ConsoleConsentChangedDocument,
    "\n  fragment QueuedJobFields on QueuedJob {\n    id name state nextRunAt lastRunAt lockedAt failCount failReason system\n    message { id kind status recipientPhone errorCode participant { name } employee { name } }\n  }\n": typeof types.QueuedJobFieldsFragmentDoc,
    "\n  query ConsoleJobQueue {\n    jobQueue {\n      store generatedAt dueSoonMinutes partial\n      counts { name running retrying overdue dueSoon scheduled failed }\n      next { ...QueuedJobFields }\n      oldestOverdue { ...QueuedJobFields }\n    }\n  }\n": typeof types.ConsoleJobQueueDocument,
    "\n  fragment FeedRow on CommsLogEntry {\n    id createdAt updatedAt status kind direction recipientPhone skipReason errorCode errorReason scheduledFor holdReason\n    participant { name }\n    employee { name }\n  }\n": typeof types.FeedRowFragmentDoc,
    "\n  subscription ConsoleCommsEvents($filter: CommsEventFilter) {\n    commsEvents(filter: $filter) { type entry { ...FeedRow } }\n  }\n": typeof types.ConsoleCommsEventsDocument,
    "\n  query ConsoleLatestComms($filter: CommsLogFilter) {\n    commsLog(first: 50, filter: $filter) { nodes { ...FeedRow } }\n  }\n": typeof types.ConsoleLatestCommsDocument,
    "\n  query ConsoleCommsSince($filter: CommsLogFilter, $after: String) {\n    commsLog(first: 100, after: $after, filter: $filter) { nodes { ...FeedRow } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.ConsoleCommsSinceDocument,
    "\n  fragment CodeExplanationFields on CodeExplanation {\n    code source title meaning whatToDo\n  }\n": typeof types.CodeExplanationFieldsFragmentDoc,
    "\n  query ConsoleMessageDetail($id: ID!) {\n    commsLogEntry(id: $id) {\n      id createdAt direction kind status skipReason channel recipientPhone senderPhone recipientTimeZone holdReason scheduledFor subjectStartsAt\n      attempts segments encoding providerMessageId errorCode errorReason errorExplanation { ...CodeExplanationFields }\n      studyId sessionId shiftId scheduleWeekId resendOfId\n      participant { id name }\n      employee { id name }\n      history { id at type attempt code providerStatus detail explanation { ...CodeExplanationFields } }\n    }\n    messageText(entryId: $id) { text asSent }\n  }\n": typeof types.ConsoleMessageDetailDocument,
    "\n  mutation ConsoleResendMessage($entryId: ID!, $idempotencyKey: String!) {\n    resendMessage(entryId: $entryId, idempotencyKey: $idempotencyKey) { id status }\n  }\n": typeof types.ConsoleResendMessageDocument,
    "\n  query ConsoleMessages($filter: CommsLogFilter, $after: String) {\n    commsLog(first: 50, after: $after, filter: $filter) { nodes { ...FeedRow } pageInfo { endCursor hasNextPage } }\n  }\n": typeof types.ConsoleMessagesDocument,
    "\n  query ConsoleExportCommsLog($filter: CommsLogFilter) {\n    exportCommsLog(filter: $filter)\n  }\n": typeof types.ConsoleExportCommsLogDocument,
    "\n  query ConsoleOverview($hours: Int!, $binMinutes: Int!) {\n    commsOverview(hours: $hours, binMinutes: $binMinutes) {\n      from\n      to\n      binMinutes\n      totals { queued sent delivered failed skipped }\n      bins { start queued sent delivered failed skipped }\n      topSkipReasons { reason count }\n    }\n  }\n": typeof types.ConsoleOverviewDocument,
    "\n  query ConsoleParticipant($id: ID!) {\n    participant(id: $id) {\n      id name email phone smsConsent createdAt updatedAt timeZone language\n      bookings { id status createdAt cancelledAt session { id startsAt durationMinutes location status study { id name } } }\n    }\n  }\n": typeof types.ConsoleParticipantDocument,
    "\n  query ConsoleParticipantConsent($filter: ConsentRecordFilter) {\n    consentRecords(first: 100, filter: $filter) {\n      nodes { id action source actorLabel attestation createdAt phone disclosureVersion disclosureText keyword ipAddress userAgent studyId }\n    }\n  }\n": typeof types.ConsoleParticipantConsentDocument,
    "\n  subscription ConsoleParticipantConsentChanged($subjectId: ID) {\n    consentChanged(subjectId: $subjectId) { count }\n  }\n": typeof types.ConsoleParticipantConsentChangedDocument,
    "\n  mutation ConsoleSetParticipantConsent($input: SetParticipantSmsConsentInput!) {\n    setParticipantSmsConsent(input: $input) { id smsConsent phone }\n  }\n": typeof types.ConsoleSetParticipantConsentDocument,
    "\n  query ConsoleParticipants($after: String, $filter: ParticipantFilter, $first: Int! = 25) {\n    participants(first: $first, after: $after, filter: $filter) {\n      nodes { id name email phone smsConsent createdAt bookings { id } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ConsoleParticipantsDocument,
    "\n  query PublicInvite($token: String!, $language: Language) {\n    invite(token: $token, language: $language) {\n      studyName timeZone smsRequired challengeRequired\n      disclosure { version language text }\n      sessions { id startsAt durationMinutes location }\n    }\n  }\n": typeof types.PublicInviteDocument,
    "\n  mutation PublicSignUp($input: SignUpInput!) {\n    signUp(input: $input) { manageUrl booking { id sessionId } }\n  }\n": typeof types.PublicSignUpDocument,
    "\n  query PublicSignupChallenge($token: String!) {\n    signupChallenge(inviteToken: $token)\n  }\n": typeof types.PublicSignupChallengeDocument,
    "\n  query PublicBooking($manageToken: String!) {\n    booking(manageToken: $manageToken) {\n      id studyName startsAt durationMinutes location status sessionStatus cancelledAt hasPhone phoneLastDigits smsConsent sessionTimeZone timeZone language\n    }\n  }\n": typeof types.PublicBookingDocument,
    "\n  mutation PublicRemovePhone($manageToken: String!) {\n    removeBookingPhone(manageToken: $manageToken) { id }\n  }\n": typeof types.PublicRemovePhoneDocument,
    "\n  mutation PublicCancelBooking($manageToken: String!) {\n    cancelBooking(manageToken: $manageToken) { id }\n  }\n": typeof types.PublicCancelBookingDocument,
    "\n  mutation PublicSetTimeZone($manageToken: String!, $timeZone: String!) {\n    setBookingTimeZone(manageToken: $manageToken, timeZone: $timeZone) { id }\n  }\n": typeof types.PublicSetTimeZoneDocument,
    "\n  query ConsoleScheduleWeeks($after: String, $filter: ScheduleWeekFilter) {\n    scheduleWeeks(first: 25, after: $after, filter: $filter) {\n      nodes { id weekStart sendSmsAlert publishedAt employee { id name smsOptIn phone } shifts { id startsAt endsAt note } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ConsoleScheduleWeeksDocument,
    "\n  query ConsoleScheduleEmployees($filter: EmployeeFilter) {\n    employees(first: 10, filter: $filter) { nodes { id name email phone smsOptIn } }\n  }\n": typeof types.ConsoleScheduleEmployeesDocument,
    "\n  query ConsoleTimeOff($after: String, $filter: TimeOffRequestFilter) {\n    timeOffRequests(first: 25, after: $after, filter: $filter) {\n      nodes { id startsOn endsOn reason status createdAt decidedAt decidedBy employee { id name } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ConsoleTimeOffDocument,
    "\n  mutation ConsoleWeekAlert($weekId: ID!, $enabled: Boolean!) {\n    setWeekSmsAlert(weekId: $weekId, enabled: $enabled) { id sendSmsAlert }\n  }\n": typeof types.ConsoleWeekAlertDocument,
    "\n  mutation ConsoleSaveWeek($input: SaveScheduleWeekInput!) {\n    saveScheduleWeek(input: $input) { id }\n  }\n": typeof types.ConsoleSaveWeekDocument,
    "\n  query ConsolePublishPreview($weekStart: String!) {\n    schedulePublishPreview(weekStart: $weekStart) { weekStart weeks changed everyone }\n  }\n": typeof types.ConsolePublishPreviewDocument,
    "\n  mutation ConsolePublish($input: PublishScheduleInput!) {\n    publishSchedule(input: $input) { weeksPublished messagesQueued employeesUnchanged }\n  }\n": typeof types.ConsolePublishDocument,
    "\n  mutation ConsoleDecideTimeOff($id: ID!, $approved: Boolean!) {\n    decideTimeOff(id: $id, approved: $approved) { id status }\n  }\n": typeof types.ConsoleDecideTimeOffDocument,
    "\n  query ConsoleBreakerState {\n    workspace { id pumpingBreaker { tripped trippedAt } }\n  }\n": typeof types.ConsoleBreakerStateDocument,
    "\n  subscription ConsoleWorkspaceAlerts {\n    workspaceAlerts { kind at }\n  }\n": typeof types.ConsoleWorkspaceAlertsDocument,
    "\n  query ConsoleStudies($after: String, $filter: StudyFilter) {\n    studies(first: 25, after: $after, filter: $filter) {\n      nodes { id name smsRemindersEnabled createdAt sessions { id status startsAt } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ConsoleStudiesDocument,
    "\n  mutation ConsoleCreateStudy($input: CreateStudyInput!) {\n    createStudy(input: $input) { id }\n  }\n": typeof types.ConsoleCreateStudyDocument,
    "\n  query ConsoleStudy($id: ID!) {\n    study(id: $id) {\n      id name inviteUrl smsRemindersEnabled createdAt\n      sessions {\n        id startsAt durationMinutes location status\n        bookings { id status createdAt cancelledAt participant { id name email phone smsConsent } }\n      }\n    }\n  }\n": typeof types.ConsoleStudyDocument,
    "\n  query ConsoleBookingMessages($filter: CommsLogFilter) {\n    commsLog(first: 50, filter: $filter) {\n      nodes { id kind status skipReason errorReason channel recipientPhone body createdAt scheduledFor sentAt }\n    }\n  }\n": typeof types.ConsoleBookingMessagesDocument,
    "\n  mutation ConsoleStudyReminders($studyId: ID!, $enabled: Boolean!) {\n    setStudySmsReminders(studyId: $studyId, enabled: $enabled) { id smsRemindersEnabled }\n  }\n": typeof types.ConsoleStudyRemindersDocument,
    "\n  mutation ConsoleCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id }\n  }\n": typeof types.ConsoleCreateSessionDocument,
    "\n  mutation ConsoleReschedule($input: RescheduleSessionInput!) {\n    rescheduleSession(input: $input) { messagesQueued }\n  }\n": typeof types.ConsoleRescheduleDocument,
    "\n  mutation ConsoleCancelSession($sessionId: ID!) {\n    cancelSession(sessionId: $sessionId) { messagesQueued }\n  }\n": typeof types.ConsoleCancelSessionDocument,
    "\n  mutation ConsoleDayOfUpdate($input: SendDayOfUpdateInput!) {\n    sendDayOfUpdate(input: $input) { messagesQueued }\n  }\n": typeof types.ConsoleDayOfUpdateDocument,
    "\n  query ConsoleEmployees($after: String, $filter: EmployeeFilter) {\n    employees(first: 25, after: $after, filter: $filter) {\n      nodes { id name email phone smsOptIn carrierName carrierLookupStatus timeZone language }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.ConsoleEmployeesDocument,
    "\n  query ConsoleBulkOptInPreview($input: BulkSmsOptInScopeInput!) {\n    bulkSmsOptInPreview(input: $input) { matched changed unchanged skippedNoPhone }\n  }\n": typeof types.ConsoleBulkOptInPreviewDocument,
    "\n  mutation ConsoleEmployeeOptIn($input: SetEmployeeSmsOptInInput!) {\n    setEmployeeSmsOptIn(input: $input) { id smsOptIn }\n  }\n": typeof types.ConsoleEmployeeOptInDocument,
    "\n  mutation ConsoleUpsertEmployee($input: UpsertEmployeeInput!) {\n    upsertEmployee(input: $input) { id }\n  }\n": typeof types.ConsoleUpsertEmployeeDocument,
    "\n  mutation ConsoleBulkOptIn($input: BulkSetEmployeeSmsOptInInput!) {\n    bulkSetEmployeeSmsOptIn(input: $input) { matched changed unchanged skippedNoPhone weeksAlertEnabled }\n  }\n": typeof types.ConsoleBulkOptInDocument,
    "\n  mutation ConsoleImportEmployees($input: UpsertEmployeesInput!) {\n    upsertEmployees(input: $input) { created updated unchanged failed consentRecords rows { index status employeeId field message } }\n  }\n": typeof types.ConsoleImportEmployeesDocument,
    "\n  fragment AuditPageFields on WorkspaceAuditEntryConnection {\n    nodes { id createdAt actorLabel setting oldValue newValue }\n    pageInfo { endCursor hasNextPage }\n  }\n": typeof types.AuditPageFieldsFragmentDoc,
    "\n  query ConsoleWorkspace {\n    workspace {\n      id\n      name\n      smsEnabled\n      senderNumber\n      shiftAlertLeadMinutes\n      timeZone\n      language\n      quietHoursEnabled\n      quietHoursStart\n      quietHoursEnd\n      updatedAt\n      delivery { configured provider emailFallback senderNumber summary }\n      destinationPolicy { allowedCountries isDefault }\n      pumpingBreaker { tripped trippedAt budgetPerHour newNumbersThisHour }\n      auditTrail(first: 25) { ...AuditPageFields }\n    }\n  }\n": typeof types.ConsoleWorkspaceDocument,
    "\n  query ConsoleWorkspaceAudit($after: String) {\n    workspace { id auditTrail(first: 25, after: $after) { ...AuditPageFields } }\n  }\n": typeof types.ConsoleWorkspaceAuditDocument,
    "\n  mutation ConsoleSetWorkspaceSms($enabled: Boolean!) {\n    setWorkspaceSms(enabled: $enabled) { id smsEnabled }\n  }\n": typeof types.ConsoleSetWorkspaceSmsDocument,
    "\n  mutation ConsoleUpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) { id name senderNumber shiftAlertLeadMinutes timeZone language quietHoursEnabled quietHoursStart quietHoursEnd }\n  }\n": typeof types.ConsoleUpdateWorkspaceSettingsDocument,
    "\n  mutation ConsoleUpdateAbuseSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) { id }\n  }\n": typeof types.ConsoleUpdateAbuseSettingsDocument,
    "\n  mutation ConsoleResetPumpingBreaker {\n    resetPumpingBreaker { id }\n  }\n": typeof types.ConsoleResetPumpingBreakerDocument,
};
const documents: Documents = {
    "\n  query ConsoleMe {\n    me {\n      apiKeyName\n      role\n      workspace { id name }\n    }\n  }\n": types.ConsoleMeDocument,
    "\n  query ConsoleApiKeys {\n    apiKeys { id name role prefix createdAt lastUsedAt revokedAt }\n  }\n": types.ConsoleApiKeysDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name role prefix } }\n  }\n": types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": types.ConsoleRevokeApiKeyDocument,
    "\n  query ConsoleConsentRecords($filter: ConsentRecordFilter, $after: String) {\n    consentRecords(filter: $filter, after: $after, first: 50) {\n      nodes {\n        id createdAt action source subjectType subjectId phone actorLabel actorApiKeyId attestation\n        disclosureText disclosureVersion ipAddress userAgent keyword studyId sessionId bookingId\n      }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ConsoleConsentRecordsDocument,
    "\n  query ConsoleExportConsentRecords($filter: ConsentRecordFilter) {\n    exportConsentRecords(filter: $filter)\n  }\n": types.ConsoleExportConsentRecordsDocument,
    "\n  subscription ConsoleConsentChanged {\n    consentChanged { count action source subjectType recordedAt }\n  }\n": types.ConsoleConsentChangedDocument,
    "\n  fragment QueuedJobFields on QueuedJob {\n    id name state nextRunAt lastRunAt lockedAt failCount failReason system\n    message { id kind status recipientPhone errorCode participant { name } employee { name } }\n  }\n": types.QueuedJobFieldsFragmentDoc,
    "\n  query ConsoleJobQueue {\n    jobQueue {\n      store generatedAt dueSoonMinutes partial\n      counts { name running retrying overdue dueSoon scheduled failed }\n      next { ...QueuedJobFields }\n      oldestOverdue { ...QueuedJobFields }\n    }\n  }\n": types.ConsoleJobQueueDocument,
    "\n  fragment FeedRow on CommsLogEntry {\n    id createdAt updatedAt status kind direction recipientPhone skipReason errorCode errorReason scheduledFor holdReason\n    participant { name }\n    employee { name }\n  }\n": types.FeedRowFragmentDoc,
    "\n  subscription ConsoleCommsEvents($filter: CommsEventFilter) {\n    commsEvents(filter: $filter) { type entry { ...FeedRow } }\n  }\n": types.ConsoleCommsEventsDocument,
    "\n  query ConsoleLatestComms($filter: CommsLogFilter) {\n    commsLog(first: 50, filter: $filter) { nodes { ...FeedRow } }\n  }\n": types.ConsoleLatestCommsDocument,
    "\n  query ConsoleCommsSince($filter: CommsLogFilter, $after: String) {\n    commsLog(first: 100, after: $after, filter: $filter) { nodes { ...FeedRow } pageInfo { hasNextPage endCursor } }\n  }\n": types.ConsoleCommsSinceDocument,
    "\n  fragment CodeExplanationFields on CodeExplanation {\n    code source title meaning whatToDo\n  }\n": types.CodeExplanationFieldsFragmentDoc,
    "\n  query ConsoleMessageDetail($id: ID!) {\n    commsLogEntry(id: $id) {\n      id createdAt direction kind status skipReason channel recipientPhone senderPhone recipientTimeZone holdReason scheduledFor subjectStartsAt\n      attempts segments encoding providerMessageId errorCode errorReason errorExplanation { ...CodeExplanationFields }\n      studyId sessionId shiftId scheduleWeekId resendOfId\n      participant { id name }\n      employee { id name }\n      history { id at type attempt code providerStatus detail explanation { ...CodeExplanationFields } }\n    }\n    messageText(entryId: $id) { text asSent }\n  }\n": types.ConsoleMessageDetailDocument,
    "\n  mutation ConsoleResendMessage($entryId: ID!, $idempotencyKey: String!) {\n    resendMessage(entryId: $entryId, idempotencyKey: $idempotencyKey) { id status }\n  }\n": types.ConsoleResendMessageDocument,
    "\n  query ConsoleMessages($filter: CommsLogFilter, $after: String) {\n    commsLog(first: 50, after: $after, filter: $filter) { nodes { ...FeedRow } pageInfo { endCursor hasNextPage } }\n  }\n": types.ConsoleMessagesDocument,
    "\n  query ConsoleExportCommsLog($filter: CommsLogFilter) {\n    exportCommsLog(filter: $filter)\n  }\n": types.ConsoleExportCommsLogDocument,
    "\n  query ConsoleOverview($hours: Int!, $binMinutes: Int!) {\n    commsOverview(hours: $hours, binMinutes: $binMinutes) {\n      from\n      to\n      binMinutes\n      totals { queued sent delivered failed skipped }\n      bins { start queued sent delivered failed skipped }\n      topSkipReasons { reason count }\n    }\n  }\n": types.ConsoleOverviewDocument,
    "\n  query ConsoleParticipant($id: ID!) {\n    participant(id: $id) {\n      id name email phone smsConsent createdAt updatedAt timeZone language\n      bookings { id status createdAt cancelledAt session { id startsAt durationMinutes location status study { id name } } }\n    }\n  }\n": types.ConsoleParticipantDocument,
    "\n  query ConsoleParticipantConsent($filter: ConsentRecordFilter) {\n    consentRecords(first: 100, filter: $filter) {\n      nodes { id action source actorLabel attestation createdAt phone disclosureVersion disclosureText keyword ipAddress userAgent studyId }\n    }\n  }\n": types.ConsoleParticipantConsentDocument,
    "\n  subscription ConsoleParticipantConsentChanged($subjectId: ID) {\n    consentChanged(subjectId: $subjectId) { count }\n  }\n": types.ConsoleParticipantConsentChangedDocument,
    "\n  mutation ConsoleSetParticipantConsent($input: SetParticipantSmsConsentInput!) {\n    setParticipantSmsConsent(input: $input) { id smsConsent phone }\n  }\n": types.ConsoleSetParticipantConsentDocument,
    "\n  query ConsoleParticipants($after: String, $filter: ParticipantFilter, $first: Int! = 25) {\n    participants(first: $first, after: $after, filter: $filter) {\n      nodes { id name email phone smsConsent createdAt bookings { id } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ConsoleParticipantsDocument,
    "\n  query PublicInvite($token: String!, $language: Language) {\n    invite(token: $token, language: $language) {\n      studyName timeZone smsRequired challengeRequired\n      disclosure { version language text }\n      sessions { id startsAt durationMinutes location }\n    }\n  }\n": types.PublicInviteDocument,
    "\n  mutation PublicSignUp($input: SignUpInput!) {\n    signUp(input: $input) { manageUrl booking { id sessionId } }\n  }\n": types.PublicSignUpDocument,
    "\n  query PublicSignupChallenge($token: String!) {\n    signupChallenge(inviteToken: $token)\n  }\n": types.PublicSignupChallengeDocument,
    "\n  query PublicBooking($manageToken: String!) {\n    booking(manageToken: $manageToken) {\n      id studyName startsAt durationMinutes location status sessionStatus cancelledAt hasPhone phoneLastDigits smsConsent sessionTimeZone timeZone language\n    }\n  }\n": types.PublicBookingDocument,
    "\n  mutation PublicRemovePhone($manageToken: String!) {\n    removeBookingPhone(manageToken: $manageToken) { id }\n  }\n": types.PublicRemovePhoneDocument,
    "\n  mutation PublicCancelBooking($manageToken: String!) {\n    cancelBooking(manageToken: $manageToken) { id }\n  }\n": types.PublicCancelBookingDocument,
    "\n  mutation PublicSetTimeZone($manageToken: String!, $timeZone: String!) {\n    setBookingTimeZone(manageToken: $manageToken, timeZone: $timeZone) { id }\n  }\n": types.PublicSetTimeZoneDocument,
    "\n  query ConsoleScheduleWeeks($after: String, $filter: ScheduleWeekFilter) {\n    scheduleWeeks(first: 25, after: $after, filter: $filter) {\n      nodes { id weekStart sendSmsAlert publishedAt employee { id name smsOptIn phone } shifts { id startsAt endsAt note } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ConsoleScheduleWeeksDocument,
    "\n  query ConsoleScheduleEmployees($filter: EmployeeFilter) {\n    employees(first: 10, filter: $filter) { nodes { id name email phone smsOptIn } }\n  }\n": types.ConsoleScheduleEmployeesDocument,
    "\n  query ConsoleTimeOff($after: String, $filter: TimeOffRequestFilter) {\n    timeOffRequests(first: 25, after: $after, filter: $filter) {\n      nodes { id startsOn endsOn reason status createdAt decidedAt decidedBy employee { id name } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ConsoleTimeOffDocument,
    "\n  mutation ConsoleWeekAlert($weekId: ID!, $enabled: Boolean!) {\n    setWeekSmsAlert(weekId: $weekId, enabled: $enabled) { id sendSmsAlert }\n  }\n": types.ConsoleWeekAlertDocument,
    "\n  mutation ConsoleSaveWeek($input: SaveScheduleWeekInput!) {\n    saveScheduleWeek(input: $input) { id }\n  }\n": types.ConsoleSaveWeekDocument,
    "\n  query ConsolePublishPreview($weekStart: String!) {\n    schedulePublishPreview(weekStart: $weekStart) { weekStart weeks changed everyone }\n  }\n": types.ConsolePublishPreviewDocument,
    "\n  mutation ConsolePublish($input: PublishScheduleInput!) {\n    publishSchedule(input: $input) { weeksPublished messagesQueued employeesUnchanged }\n  }\n": types.ConsolePublishDocument,
    "\n  mutation ConsoleDecideTimeOff($id: ID!, $approved: Boolean!) {\n    decideTimeOff(id: $id, approved: $approved) { id status }\n  }\n": types.ConsoleDecideTimeOffDocument,
    "\n  query ConsoleBreakerState {\n    workspace { id pumpingBreaker { tripped trippedAt } }\n  }\n": types.ConsoleBreakerStateDocument,
    "\n  subscription ConsoleWorkspaceAlerts {\n    workspaceAlerts { kind at }\n  }\n": types.ConsoleWorkspaceAlertsDocument,
    "\n  query ConsoleStudies($after: String, $filter: StudyFilter) {\n    studies(first: 25, after: $after, filter: $filter) {\n      nodes { id name smsRemindersEnabled createdAt sessions { id status startsAt } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ConsoleStudiesDocument,
    "\n  mutation ConsoleCreateStudy($input: CreateStudyInput!) {\n    createStudy(input: $input) { id }\n  }\n": types.ConsoleCreateStudyDocument,
    "\n  query ConsoleStudy($id: ID!) {\n    study(id: $id) {\n      id name inviteUrl smsRemindersEnabled createdAt\n      sessions {\n        id startsAt durationMinutes location status\n        bookings { id status createdAt cancelledAt participant { id name email phone smsConsent } }\n      }\n    }\n  }\n": types.ConsoleStudyDocument,
    "\n  query ConsoleBookingMessages($filter: CommsLogFilter) {\n    commsLog(first: 50, filter: $filter) {\n      nodes { id kind status skipReason errorReason channel recipientPhone body createdAt scheduledFor sentAt }\n    }\n  }\n": types.ConsoleBookingMessagesDocument,
    "\n  mutation ConsoleStudyReminders($studyId: ID!, $enabled: Boolean!) {\n    setStudySmsReminders(studyId: $studyId, enabled: $enabled) { id smsRemindersEnabled }\n  }\n": types.ConsoleStudyRemindersDocument,
    "\n  mutation ConsoleCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id }\n  }\n": types.ConsoleCreateSessionDocument,
    "\n  mutation ConsoleReschedule($input: RescheduleSessionInput!) {\n    rescheduleSession(input: $input) { messagesQueued }\n  }\n": types.ConsoleRescheduleDocument,
    "\n  mutation ConsoleCancelSession($sessionId: ID!) {\n    cancelSession(sessionId: $sessionId) { messagesQueued }\n  }\n": types.ConsoleCancelSessionDocument,
    "\n  mutation ConsoleDayOfUpdate($input: SendDayOfUpdateInput!) {\n    sendDayOfUpdate(input: $input) { messagesQueued }\n  }\n": types.ConsoleDayOfUpdateDocument,
    "\n  query ConsoleEmployees($after: String, $filter: EmployeeFilter) {\n    employees(first: 25, after: $after, filter: $filter) {\n      nodes { id name email phone smsOptIn carrierName carrierLookupStatus timeZone language }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.ConsoleEmployeesDocument,
    "\n  query ConsoleBulkOptInPreview($input: BulkSmsOptInScopeInput!) {\n    bulkSmsOptInPreview(input: $input) { matched changed unchanged skippedNoPhone }\n  }\n": types.ConsoleBulkOptInPreviewDocument,
    "\n  mutation ConsoleEmployeeOptIn($input: SetEmployeeSmsOptInInput!) {\n    setEmployeeSmsOptIn(input: $input) { id smsOptIn }\n  }\n": types.ConsoleEmployeeOptInDocument,
    "\n  mutation ConsoleUpsertEmployee($input: UpsertEmployeeInput!) {\n    upsertEmployee(input: $input) { id }\n  }\n": types.ConsoleUpsertEmployeeDocument,
    "\n  mutation ConsoleBulkOptIn($input: BulkSetEmployeeSmsOptInInput!) {\n    bulkSetEmployeeSmsOptIn(input: $input) { matched changed unchanged skippedNoPhone weeksAlertEnabled }\n  }\n": types.ConsoleBulkOptInDocument,
    "\n  mutation ConsoleImportEmployees($input: UpsertEmployeesInput!) {\n    upsertEmployees(input: $input) { created updated unchanged failed consentRecords rows { index status employeeId field message } }\n  }\n": types.ConsoleImportEmployeesDocument,
    "\n  fragment AuditPageFields on WorkspaceAuditEntryConnection {\n    nodes { id createdAt actorLabel setting oldValue newValue }\n    pageInfo { endCursor hasNextPage }\n  }\n": types.AuditPageFieldsFragmentDoc,
    "\n  query ConsoleWorkspace {\n    workspace {\n      id\n      name\n      smsEnabled\n      senderNumber\n      shiftAlertLeadMinutes\n      timeZone\n      language\n      quietHoursEnabled\n      quietHoursStart\n      quietHoursEnd\n      updatedAt\n      delivery { configured provider emailFallback senderNumber summary }\n      destinationPolicy { allowedCountries isDefault }\n      pumpingBreaker { tripped trippedAt budgetPerHour newNumbersThisHour }\n      auditTrail(first: 25) { ...AuditPageFields }\n    }\n  }\n": types.ConsoleWorkspaceDocument,
    "\n  query ConsoleWorkspaceAudit($after: String) {\n    workspace { id auditTrail(first: 25, after: $after) { ...AuditPageFields } }\n  }\n": types.ConsoleWorkspaceAuditDocument,
    "\n  mutation ConsoleSetWorkspaceSms($enabled: Boolean!) {\n    setWorkspaceSms(enabled: $enabled) { id smsEnabled }\n  }\n": types.ConsoleSetWorkspaceSmsDocument,
    "\n  mutation ConsoleUpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) { id name senderNumber shiftAlertLeadMinutes timeZone language quietHoursEnabled quietHoursStart quietHoursEnd }\n  }\n": types.ConsoleUpdateWorkspaceSettingsDocument,
    "\n  mutation ConsoleUpdateAbuseSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) { id }\n  }\n": types.ConsoleUpdateAbuseSettingsDocument,
    "\n  mutation ConsoleResetPumpingBreaker {\n    resetPumpingBreaker { id }\n  }\n": types.ConsoleResetPumpingBreakerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMe {\n    me {\n      apiKeyName\n      role\n      workspace { id name }\n    }\n  }\n"): typeof import('./graphql').ConsoleMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApiKeys {\n    apiKeys { id name role prefix createdAt lastUsedAt revokedAt }\n  }\n"): typeof import('./graphql').ConsoleApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { secret apiKey { id name role prefix } }\n  }\n"): typeof import('./graphql').ConsoleCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"): typeof import('./graphql').ConsoleRevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleConsentRecords($filter: ConsentRecordFilter, $after: String) {\n    consentRecords(filter: $filter, after: $after, first: 50) {\n      nodes {\n        id createdAt action source subjectType subjectId phone actorLabel actorApiKeyId attestation\n        disclosureText disclosureVersion ipAddress userAgent keyword studyId sessionId bookingId\n      }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): typeof import('./graphql').ConsoleConsentRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleExportConsentRecords($filter: ConsentRecordFilter) {\n    exportConsentRecords(filter: $filter)\n  }\n"): typeof import('./graphql').ConsoleExportConsentRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleConsentChanged {\n    consentChanged { count action source subjectType recordedAt }\n  }\n"): typeof import('./graphql').ConsoleConsentChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueuedJobFields on QueuedJob {\n    id name state nextRunAt lastRunAt lockedAt failCount failReason system\n    message { id kind status recipientPhone errorCode participant { name } employee { name } }\n  }\n"): typeof import('./graphql').QueuedJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleJobQueue {\n    jobQueue {\n      store generatedAt dueSoonMinutes partial\n      counts { name running retrying overdue dueSoon scheduled failed }\n      next { ...QueuedJobFields }\n      oldestOverdue { ...QueuedJobFields }\n    }\n  }\n"): typeof import('./graphql').ConsoleJobQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedRow on CommsLogEntry {\n    id createdAt updatedAt status kind direction recipientPhone skipReason errorCode errorReason scheduledFor holdReason\n    participant { name }\n    employee { name }\n  }\n"): typeof import('./graphql').FeedRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleCommsEvents($filter: CommsEventFilter) {\n    commsEvents(filter: $filter) { type entry { ...FeedRow } }\n  }\n"): typeof import('./graphql').ConsoleCommsEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleLatestComms($filter: CommsLogFilter) {\n    commsLog(first: 50, filter: $filter) { nodes { ...FeedRow } }\n  }\n"): typeof import('./graphql').ConsoleLatestCommsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCommsSince($filter: CommsLogFilter, $after: String) {\n    commsLog(first: 100, after: $after, filter: $filter) { nodes { ...FeedRow } pageInfo { hasNextPage endCursor } }\n  }\n"): typeof import('./graphql').ConsoleCommsSinceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CodeExplanationFields on CodeExplanation {\n    code source title meaning whatToDo\n  }\n"): typeof import('./graphql').CodeExplanationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMessageDetail($id: ID!) {\n    commsLogEntry(id: $id) {\n      id createdAt direction kind status skipReason channel recipientPhone senderPhone recipientTimeZone holdReason scheduledFor subjectStartsAt\n      attempts segments encoding providerMessageId errorCode errorReason errorExplanation { ...CodeExplanationFields }\n      studyId sessionId shiftId scheduleWeekId resendOfId\n      participant { id name }\n      employee { id name }\n      history { id at type attempt code providerStatus detail explanation { ...CodeExplanationFields } }\n    }\n    messageText(entryId: $id) { text asSent }\n  }\n"): typeof import('./graphql').ConsoleMessageDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResendMessage($entryId: ID!, $idempotencyKey: String!) {\n    resendMessage(entryId: $entryId, idempotencyKey: $idempotencyKey) { id status }\n  }\n"): typeof import('./graphql').ConsoleResendMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMessages($filter: CommsLogFilter, $after: String) {\n    commsLog(first: 50, after: $after, filter: $filter) { nodes { ...FeedRow } pageInfo { endCursor hasNextPage } }\n  }\n"): typeof import('./graphql').ConsoleMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleExportCommsLog($filter: CommsLogFilter) {\n    exportCommsLog(filter: $filter)\n  }\n"): typeof import('./graphql').ConsoleExportCommsLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOverview($hours: Int!, $binMinutes: Int!) {\n    commsOverview(hours: $hours, binMinutes: $binMinutes) {\n      from\n      to\n      binMinutes\n      totals { queued sent delivered failed skipped }\n      bins { start queued sent delivered failed skipped }\n      topSkipReasons { reason count }\n    }\n  }\n"): typeof import('./graphql').ConsoleOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleParticipant($id: ID!) {\n    participant(id: $id) {\n      id name email phone smsConsent createdAt updatedAt timeZone language\n      bookings { id status createdAt cancelledAt session { id startsAt durationMinutes location status study { id name } } }\n    }\n  }\n"): typeof import('./graphql').ConsoleParticipantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleParticipantConsent($filter: ConsentRecordFilter) {\n    consentRecords(first: 100, filter: $filter) {\n      nodes { id action source actorLabel attestation createdAt phone disclosureVersion disclosureText keyword ipAddress userAgent studyId }\n    }\n  }\n"): typeof import('./graphql').ConsoleParticipantConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleParticipantConsentChanged($subjectId: ID) {\n    consentChanged(subjectId: $subjectId) { count }\n  }\n"): typeof import('./graphql').ConsoleParticipantConsentChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetParticipantConsent($input: SetParticipantSmsConsentInput!) {\n    setParticipantSmsConsent(input: $input) { id smsConsent phone }\n  }\n"): typeof import('./graphql').ConsoleSetParticipantConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleParticipants($after: String, $filter: ParticipantFilter, $first: Int! = 25) {\n    participants(first: $first, after: $after, filter: $filter) {\n      nodes { id name email phone smsConsent createdAt bookings { id } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): typeof import('./graphql').ConsoleParticipantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicInvite($token: String!, $language: Language) {\n    invite(token: $token, language: $language) {\n      studyName timeZone smsRequired challengeRequired\n      disclosure { version language text }\n      sessions { id startsAt durationMinutes location }\n    }\n  }\n"): typeof import('./graphql').PublicInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicSignUp($input: SignUpInput!) {\n    signUp(input: $input) { manageUrl booking { id sessionId } }\n  }\n"): typeof import('./graphql').PublicSignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicSignupChallenge($token: String!) {\n    signupChallenge(inviteToken: $token)\n  }\n"): typeof import('./graphql').PublicSignupChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicBooking($manageToken: String!) {\n    booking(manageToken: $manageToken) {\n      id studyName startsAt durationMinutes location status sessionStatus cancelledAt hasPhone phoneLastDigits smsConsent sessionTimeZone timeZone language\n    }\n  }\n"): typeof import('./graphql').PublicBookingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicRemovePhone($manageToken: String!) {\n    removeBookingPhone(manageToken: $manageToken) { id }\n  }\n"): typeof import('./graphql').PublicRemovePhoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicCancelBooking($manageToken: String!) {\n    cancelBooking(manageToken: $manageToken) { id }\n  }\n"): typeof import('./graphql').PublicCancelBookingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicSetTimeZone($manageToken: String!, $timeZone: String!) {\n    setBookingTimeZone(manageToken: $manageToken, timeZone: $timeZone) { id }\n  }\n"): typeof import('./graphql').PublicSetTimeZoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleScheduleWeeks($after: String, $filter: ScheduleWeekFilter) {\n    scheduleWeeks(first: 25, after: $after, filter: $filter) {\n      nodes { id weekStart sendSmsAlert publishedAt employee { id name smsOptIn phone } shifts { id startsAt endsAt note } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): typeof import('./graphql').ConsoleScheduleWeeksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleScheduleEmployees($filter: EmployeeFilter) {\n    employees(first: 10, filter: $filter) { nodes { id name email phone smsOptIn } }\n  }\n"): typeof import('./graphql').ConsoleScheduleEmployeesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTimeOff($after: String, $filter: TimeOffRequestFilter) {\n    timeOffRequests(first: 25, after: $after, filter: $filter) {\n      nodes { id startsOn endsOn reason status createdAt decidedAt decidedBy employee { id name } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): typeof import('./graphql').ConsoleTimeOffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleWeekAlert($weekId: ID!, $enabled: Boolean!) {\n    setWeekSmsAlert(weekId: $weekId, enabled: $enabled) { id sendSmsAlert }\n  }\n"): typeof import('./graphql').ConsoleWeekAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSaveWeek($input: SaveScheduleWeekInput!) {\n    saveScheduleWeek(input: $input) { id }\n  }\n"): typeof import('./graphql').ConsoleSaveWeekDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePublishPreview($weekStart: String!) {\n    schedulePublishPreview(weekStart: $weekStart) { weekStart weeks changed everyone }\n  }\n"): typeof import('./graphql').ConsolePublishPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsolePublish($input: PublishScheduleInput!) {\n    publishSchedule(input: $input) { weeksPublished messagesQueued employeesUnchanged }\n  }\n"): typeof import('./graphql').ConsolePublishDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDecideTimeOff($id: ID!, $approved: Boolean!) {\n    decideTimeOff(id: $id, approved: $approved) { id status }\n  }\n"): typeof import('./graphql').ConsoleDecideTimeOffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBreakerState {\n    workspace { id pumpingBreaker { tripped trippedAt } }\n  }\n"): typeof import('./graphql').ConsoleBreakerStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleWorkspaceAlerts {\n    workspaceAlerts { kind at }\n  }\n"): typeof import('./graphql').ConsoleWorkspaceAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleStudies($after: String, $filter: StudyFilter) {\n    studies(first: 25, after: $after, filter: $filter) {\n      nodes { id name smsRemindersEnabled createdAt sessions { id status startsAt } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): typeof import('./graphql').ConsoleStudiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateStudy($input: CreateStudyInput!) {\n    createStudy(input: $input) { id }\n  }\n"): typeof import('./graphql').ConsoleCreateStudyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleStudy($id: ID!) {\n    study(id: $id) {\n      id name inviteUrl smsRemindersEnabled createdAt\n      sessions {\n        id startsAt durationMinutes location status\n        bookings { id status createdAt cancelledAt participant { id name email phone smsConsent } }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleStudyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBookingMessages($filter: CommsLogFilter) {\n    commsLog(first: 50, filter: $filter) {\n      nodes { id kind status skipReason errorReason channel recipientPhone body createdAt scheduledFor sentAt }\n    }\n  }\n"): typeof import('./graphql').ConsoleBookingMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStudyReminders($studyId: ID!, $enabled: Boolean!) {\n    setStudySmsReminders(studyId: $studyId, enabled: $enabled) { id smsRemindersEnabled }\n  }\n"): typeof import('./graphql').ConsoleStudyRemindersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { id }\n  }\n"): typeof import('./graphql').ConsoleCreateSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReschedule($input: RescheduleSessionInput!) {\n    rescheduleSession(input: $input) { messagesQueued }\n  }\n"): typeof import('./graphql').ConsoleRescheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCancelSession($sessionId: ID!) {\n    cancelSession(sessionId: $sessionId) { messagesQueued }\n  }\n"): typeof import('./graphql').ConsoleCancelSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDayOfUpdate($input: SendDayOfUpdateInput!) {\n    sendDayOfUpdate(input: $input) { messagesQueued }\n  }\n"): typeof import('./graphql').ConsoleDayOfUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEmployees($after: String, $filter: EmployeeFilter) {\n    employees(first: 25, after: $after, filter: $filter) {\n      nodes { id name email phone smsOptIn carrierName carrierLookupStatus timeZone language }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): typeof import('./graphql').ConsoleEmployeesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBulkOptInPreview($input: BulkSmsOptInScopeInput!) {\n    bulkSmsOptInPreview(input: $input) { matched changed unchanged skippedNoPhone }\n  }\n"): typeof import('./graphql').ConsoleBulkOptInPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleEmployeeOptIn($input: SetEmployeeSmsOptInInput!) {\n    setEmployeeSmsOptIn(input: $input) { id smsOptIn }\n  }\n"): typeof import('./graphql').ConsoleEmployeeOptInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpsertEmployee($input: UpsertEmployeeInput!) {\n    upsertEmployee(input: $input) { id }\n  }\n"): typeof import('./graphql').ConsoleUpsertEmployeeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleBulkOptIn($input: BulkSetEmployeeSmsOptInInput!) {\n    bulkSetEmployeeSmsOptIn(input: $input) { matched changed unchanged skippedNoPhone weeksAlertEnabled }\n  }\n"): typeof import('./graphql').ConsoleBulkOptInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleImportEmployees($input: UpsertEmployeesInput!) {\n    upsertEmployees(input: $input) { created updated unchanged failed consentRecords rows { index status employeeId field message } }\n  }\n"): typeof import('./graphql').ConsoleImportEmployeesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditPageFields on WorkspaceAuditEntryConnection {\n    nodes { id createdAt actorLabel setting oldValue newValue }\n    pageInfo { endCursor hasNextPage }\n  }\n"): typeof import('./graphql').AuditPageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWorkspace {\n    workspace {\n      id\n      name\n      smsEnabled\n      senderNumber\n      shiftAlertLeadMinutes\n      timeZone\n      language\n      quietHoursEnabled\n      quietHoursStart\n      quietHoursEnd\n      updatedAt\n      delivery { configured provider emailFallback senderNumber summary }\n      destinationPolicy { allowedCountries isDefault }\n      pumpingBreaker { tripped trippedAt budgetPerHour newNumbersThisHour }\n      auditTrail(first: 25) { ...AuditPageFields }\n    }\n  }\n"): typeof import('./graphql').ConsoleWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWorkspaceAudit($after: String) {\n    workspace { id auditTrail(first: 25, after: $after) { ...AuditPageFields } }\n  }\n"): typeof import('./graphql').ConsoleWorkspaceAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetWorkspaceSms($enabled: Boolean!) {\n    setWorkspaceSms(enabled: $enabled) { id smsEnabled }\n  }\n"): typeof import('./graphql').ConsoleSetWorkspaceSmsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) { id name senderNumber shiftAlertLeadMinutes timeZone language quietHoursEnabled quietHoursStart quietHoursEnd }\n  }\n"): typeof import('./graphql').ConsoleUpdateWorkspaceSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateAbuseSettings($input: UpdateWorkspaceSettingsInput!) {\n    updateWorkspaceSettings(input: $input) { id }\n  }\n"): typeof import('./graphql').ConsoleUpdateAbuseSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResetPumpingBreaker {\n    resetPumpingBreaker { id }\n  }\n"): typeof import('./graphql').ConsoleResetPumpingBreakerDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
