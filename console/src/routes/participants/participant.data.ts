import { action, query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { ApiError, gql } from '../../lib/graphql';
import type { ParticipantRow } from './participants.data';

export interface ParticipantBooking {
  id: string;
  status: string;
  createdAt: string;
  cancelledAt: string | null;
  session: { id: string; startsAt: string; durationMinutes: number; location: string | null; status: string; study: { id: string; name: string } };
}

export interface ParticipantDetail extends Omit<ParticipantRow, 'bookings'> {
  updatedAt: string;
  /** T1/T2: the participant's own zone (null: the study's) and language, from the signup page. */
  timeZone: string | null;
  language: string;
  bookings: ParticipantBooking[];
}

export interface ParticipantConsentRecord {
  id: string;
  action: 'GRANTED' | 'REVOKED';
  source: string;
  actorLabel: string | null;
  attestation: string | null;
  createdAt: string;
  phone: string | null;
  disclosureVersion: string | null;
  disclosureText: string | null;
  keyword: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  studyId: string | null;
}

const PARTICIPANT = /* GraphQL */ `
  query ConsoleParticipant($id: ID!) {
    participant(id: $id) {
      id name email phone smsConsent createdAt updatedAt timeZone language
      bookings { id status createdAt cancelledAt session { id startsAt durationMinutes location status study { id name } } }
    }
  }
`;

const CONSENT_HISTORY = /* GraphQL */ `
  query ConsoleParticipantConsent($filter: ConsentRecordFilter) {
    consentRecords(first: 100, filter: $filter) {
      nodes { id action source actorLabel attestation createdAt phone disclosureVersion disclosureText keyword ipAddress userAgent studyId }
    }
  }
`;

// A2: a missing id and another workspace's both answer NOT_FOUND; null lets
// the page say "not found" instead of showing an error.
export const getParticipant = query(async (id: string): Promise<ParticipantDetail | null> => {
  try {
    return (await gql<{ participant: ParticipantDetail }>(PARTICIPANT, { id })).participant;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}, 'participant');

export const getConsentHistory = query(
  async (subjectId: string) =>
    (await gql<{ consentRecords: { nodes: ParticipantConsentRecord[] } }>(CONSENT_HISTORY, { filter: { subjectId, subjectType: 'PARTICIPANT' } })).consentRecords.nodes,
  'participantConsent',
);

/** K5: this participant's consent changes as they are recorded (a STOP from their phone, another admin). */
export const PARTICIPANT_CONSENT_CHANGED = /* GraphQL */ `
  subscription ConsoleParticipantConsentChanged($subjectId: ID) {
    consentChanged(subjectId: $subjectId) { count }
  }
`;

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

// S8: source ADMIN, with the signed-in key as who; granting needs a phone (the server says which field).
export const setParticipantSmsConsent = action(async (change: ConsentChange) => {
  await gql(
    `mutation ConsoleParticipantConsent($input: SetParticipantSmsConsentInput!) { setParticipantSmsConsent(input: $input) { id smsConsent phone } }`,
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
