import { action, query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql } from '../../gql';
import type { ConsoleCancelSessionMutation, ConsoleStudyQuery } from '../../gql/graphql';
import { ApiError, gql } from '../../lib/graphql';
import { fromLocalInput } from '../../lib/format';

export type StudyDetail = ConsoleStudyQuery['study'];
export type StudySession = StudyDetail['sessions'][number];
export type StudyBooking = StudySession['bookings'][number];

/** The fixed day-of texts the schema offers (S5: texts are not customisable). */
export const DAY_OF_UPDATES = [
  { value: 'RUNNING_LATE', label: 'Running late' },
  { value: 'LOCATION_CHANGED', label: 'Location changed' },
  { value: 'READY_TO_START', label: 'Ready to start' },
] as const;
export type DayOfUpdate = (typeof DAY_OF_UPDATES)[number]['value'];

const STUDY = graphql(`
  query ConsoleStudy($id: ID!) {
    study(id: $id) {
      id name inviteUrl smsRemindersEnabled createdAt
      sessions {
        id startsAt durationMinutes location status
        bookings { id status createdAt cancelledAt participant { id name email phone smsConsent } }
      }
    }
  }
`);

const BOOKING_MESSAGES = graphql(`
  query ConsoleBookingMessages($filter: CommsLogFilter) {
    commsLog(first: 50, filter: $filter) {
      nodes { id kind status skipReason errorReason channel recipientPhone body createdAt scheduledFor sentAt }
    }
  }
`);

const SET_REMINDERS = graphql(`
  mutation ConsoleStudyReminders($studyId: ID!, $enabled: Boolean!) {
    setStudySmsReminders(studyId: $studyId, enabled: $enabled) { id smsRemindersEnabled }
  }
`);

const CREATE_SESSION = graphql(`
  mutation ConsoleCreateSession($input: CreateSessionInput!) {
    createSession(input: $input) { id }
  }
`);

const RESCHEDULE = graphql(`
  mutation ConsoleReschedule($input: RescheduleSessionInput!) {
    rescheduleSession(input: $input) { messagesQueued }
  }
`);

const CANCEL_SESSION = graphql(`
  mutation ConsoleCancelSession($sessionId: ID!) {
    cancelSession(sessionId: $sessionId) { messagesQueued }
  }
`);

const DAY_OF_UPDATE = graphql(`
  mutation ConsoleDayOfUpdate($input: SendDayOfUpdateInput!) {
    sendDayOfUpdate(input: $input) { messagesQueued }
  }
`);

export const getStudy = query(
  async (id: string) => (await gql(STUDY, { id })).study,
  'study',
);

export const getBookingMessages = query(
  async (bookingId: string) =>
    (await gql(BOOKING_MESSAGES, { filter: { bookingId } })).commsLog.nodes,
  'bookingMessages',
);

export function preloadStudy({ params }: RoutePreloadFuncArgs): void {
  if (params.id) void getStudy(params.id);
}

// S1: any workspace user may turn a study's reminders on or off.
export const setStudySmsReminders = action(async (studyId: string, enabled: boolean) => {
  await gql(SET_REMINDERS, { studyId, enabled });
}, 'setStudySmsReminders');

export const createSession = action(async (form: FormData) => {
  const startsAt = String(form.get('startsAt') ?? '');
  if (!startsAt) throw new ApiError('Choose when the session starts.', 'BAD_USER_INPUT', 'startsAt');
  const location = String(form.get('location') ?? '').trim();
  const { createSession: session } = await gql(CREATE_SESSION, {
    input: {
      studyId: String(form.get('studyId')),
      startsAt: fromLocalInput(startsAt),
      durationMinutes: Number(form.get('durationMinutes')),
      location: location || null,
      idempotencyKey: String(form.get('idempotencyKey')),
    },
  });
  return session.id;
}, 'createSession');

export type SessionChange = ConsoleCancelSessionMutation['cancelSession'];

// S6: participants booked on the session get SCHEDULE_CHANGE and their reminder moves.
export const rescheduleSession = action(async (sessionId: string, startsAtLocal: string): Promise<SessionChange> => {
  if (!startsAtLocal) throw new ApiError('Choose the new start time.', 'BAD_USER_INPUT', 'startsAt');
  const { rescheduleSession: change } = await gql(RESCHEDULE, { input: { sessionId, startsAt: fromLocalInput(startsAtLocal) } });
  return change;
}, 'rescheduleSession');

// S6: cancelling drops reminders and sends CANCELLATION.
export const cancelSession = action(async (sessionId: string): Promise<SessionChange> => {
  const { cancelSession: change } = await gql(CANCEL_SESSION, { sessionId });
  return change;
}, 'cancelSession');

export const sendDayOfUpdate = action(async (sessionId: string, update: DayOfUpdate, idempotencyKey: string): Promise<SessionChange> => {
  const { sendDayOfUpdate: change } = await gql(DAY_OF_UPDATE, { input: { sessionId, update, idempotencyKey } });
  return change;
}, 'sendDayOfUpdate');
