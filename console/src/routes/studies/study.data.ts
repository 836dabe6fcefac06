import { action, query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { ApiError, gql } from '../../lib/graphql';
import { fromLocalInput } from '../../lib/format';
import type { BookingMessage } from './booking-messages';

export interface StudyBooking {
  id: string;
  status: 'BOOKED' | 'CANCELLED';
  createdAt: string;
  cancelledAt: string | null;
  participant: { id: string; name: string; email: string; phone: string | null; smsConsent: boolean };
}

export interface StudySession {
  id: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  status: 'SCHEDULED' | 'CANCELLED';
  bookings: StudyBooking[];
}

export interface StudyDetail {
  id: string;
  name: string;
  inviteUrl: string;
  smsRemindersEnabled: boolean;
  createdAt: string;
  sessions: StudySession[];
}

/** The fixed day-of texts the schema offers (S5: texts are not customisable). */
export const DAY_OF_UPDATES = [
  { value: 'RUNNING_LATE', label: 'Running late' },
  { value: 'LOCATION_CHANGED', label: 'Location changed' },
  { value: 'READY_TO_START', label: 'Ready to start' },
] as const;
export type DayOfUpdate = (typeof DAY_OF_UPDATES)[number]['value'];

const SESSION_FIELDS = /* GraphQL */ `
  id startsAt durationMinutes location status
  bookings { id status createdAt cancelledAt participant { id name email phone smsConsent } }
`;

const STUDY = /* GraphQL */ `
  query ConsoleStudy($id: ID!) {
    study(id: $id) { id name inviteUrl smsRemindersEnabled createdAt sessions { ${SESSION_FIELDS} } }
  }
`;

const BOOKING_MESSAGES = /* GraphQL */ `
  query ConsoleBookingMessages($filter: CommsLogFilter) {
    commsLog(first: 50, filter: $filter) {
      nodes { id kind status skipReason errorReason channel recipientPhone body createdAt scheduledFor sentAt }
    }
  }
`;

export const getStudy = query(
  async (id: string) => (await gql<{ study: StudyDetail }>(STUDY, { id })).study,
  'study',
);

export const getBookingMessages = query(
  async (bookingId: string) =>
    (await gql<{ commsLog: { nodes: BookingMessage[] } }>(BOOKING_MESSAGES, { filter: { bookingId } })).commsLog.nodes,
  'bookingMessages',
);

export function preloadStudy({ params }: RoutePreloadFuncArgs): void {
  if (params.id) void getStudy(params.id);
}

// S1: any workspace user may turn a study's reminders on or off.
export const setStudySmsReminders = action(async (studyId: string, enabled: boolean) => {
  await gql(`mutation ConsoleStudyReminders($studyId: ID!, $enabled: Boolean!) { setStudySmsReminders(studyId: $studyId, enabled: $enabled) { id smsRemindersEnabled } }`, { studyId, enabled });
}, 'setStudySmsReminders');

export const createSession = action(async (form: FormData) => {
  const startsAt = String(form.get('startsAt') ?? '');
  if (!startsAt) throw new ApiError('Choose when the session starts.', 'BAD_USER_INPUT', 'startsAt');
  const location = String(form.get('location') ?? '').trim();
  const { createSession: session } = await gql<{ createSession: { id: string } }>(`mutation ConsoleCreateSession($input: CreateSessionInput!) { createSession(input: $input) { id } }`, {
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

export interface SessionChange {
  messagesQueued: number;
}

// S6: participants booked on the session get SCHEDULE_CHANGE and their reminder moves.
export const rescheduleSession = action(async (sessionId: string, startsAtLocal: string): Promise<SessionChange> => {
  if (!startsAtLocal) throw new ApiError('Choose the new start time.', 'BAD_USER_INPUT', 'startsAt');
  const { rescheduleSession: change } = await gql<{ rescheduleSession: SessionChange }>(
    `mutation ConsoleReschedule($input: RescheduleSessionInput!) { rescheduleSession(input: $input) { messagesQueued } }`,
    { input: { sessionId, startsAt: fromLocalInput(startsAtLocal) } },
  );
  return change;
}, 'rescheduleSession');

// S6: cancelling drops reminders and sends CANCELLATION.
export const cancelSession = action(async (sessionId: string): Promise<SessionChange> => {
  const { cancelSession: change } = await gql<{ cancelSession: SessionChange }>(
    `mutation ConsoleCancelSession($sessionId: ID!) { cancelSession(sessionId: $sessionId) { messagesQueued } }`,
    { sessionId },
  );
  return change;
}, 'cancelSession');

export const sendDayOfUpdate = action(async (sessionId: string, update: DayOfUpdate, idempotencyKey: string): Promise<SessionChange> => {
  const { sendDayOfUpdate: change } = await gql<{ sendDayOfUpdate: SessionChange }>(
    `mutation ConsoleDayOfUpdate($input: SendDayOfUpdateInput!) { sendDayOfUpdate(input: $input) { messagesQueued } }`,
    { input: { sessionId, update, idempotencyKey } },
  );
  return change;
}, 'sendDayOfUpdate');
