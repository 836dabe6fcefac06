import { action, query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql } from '../../gql';
import type { ConsoleParticipantConsentQuery, ConsoleParticipantQuery } from '../../gql/graphql';
import { ApiError, gql } from '../../lib/graphql';

/** T1/T2: timeZone is the participant's own zone (null: the study's), language theirs, from the signup page. */
export type ParticipantDetail = ConsoleParticipantQuery['participant'];
export type ParticipantBooking = ParticipantDetail['bookings'][number];
export type ParticipantConsentRecord = ConsoleParticipantConsentQuery['consentRecords']['nodes'][number];

const PARTICIPANT = graphql(`
  query ConsoleParticipant($id: ID!) {
    participant(id: $id) {
      id name email phone smsConsent createdAt updatedAt timeZone language
      bookings { id status createdAt cancelledAt session { id startsAt durationMinutes location status study { id name } } }
    }
  }
`);

const CONSENT_HISTORY = graphql(`
  query ConsoleParticipantConsent($filter: ConsentRecordFilter) {
    consentRecords(first: 100, filter: $filter) {
      nodes { id action source actorLabel attestation createdAt phone disclosureVersion disclosureText keyword ipAddress userAgent studyId }
    }
  }
`);

// A2: a missing id and another workspace's both answer NOT_FOUND; null lets
// the page say "not found" instead of showing an error.
export const getParticipant = query(async (id: string): Promise<ParticipantDetail | null> => {
  try {
    return (await gql(PARTICIPANT, { id })).participant;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}, 'participant');

export const getConsentHistory = query(
  async (subjectId: string) =>
    (await gql(CONSENT_HISTORY, { filter: { subjectId, subjectType: 'PARTICIPANT' } })).consentRecords.nodes,
  'participantConsent',
);

/** K5: this participant's consent changes as they are recorded (a STOP from their phone, another admin). */
export const PARTICIPANT_CONSENT_CHANGED = graphql(`
  subscription ConsoleParticipantConsentChanged($subjectId: ID) {
    consentChanged(subjectId: $subjectId) { count }
  }
`);

export function preloadParticipant({ params }: RoutePreloadFuncArgs): void {
  if (!params.id) return;
  void getParticipant(params.id);
  void getConsentHistory(params.id);
}

export interface ConsentChange {
  participantId: string;
  granted: boolean;
  phone?: string;
  attestation?: string;
}

const SET_CONSENT = graphql(`
  mutation ConsoleSetParticipantConsent($input: SetParticipantSmsConsentInput!) {
    setParticipantSmsConsent(input: $input) { id smsConsent phone }
  }
`);

// S8: source ADMIN, with the signed-in key as who; granting needs a phone (the server says which field).
export const setParticipantSmsConsent = action(async (change: ConsentChange) => {
  await gql(
    SET_CONSENT,
    {
      input: {
        participantId: change.participantId,
        granted: change.granted,
        phone: change.phone?.trim() || null,
        attestation: change.attestation?.trim() || null,
      },
    },
  );
}, 'setParticipantSmsConsent');
