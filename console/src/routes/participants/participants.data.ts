import { query } from '@solidjs/router';
import type { Connection } from '../../components/keyset-list';
import { gql } from '../../lib/graphql';

export interface ParticipantFilter {
  search?: string;
  hasPhone?: boolean;
  smsConsent?: boolean;
}

export interface ParticipantRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  smsConsent: boolean;
  createdAt: string;
  bookings: { id: string }[];
}

const PARTICIPANTS = /* GraphQL */ `
  query ConsoleParticipants($after: String, $filter: ParticipantFilter, $first: Int! = 25) {
    participants(first: $first, after: $after, filter: $filter) {
      nodes { id name email phone smsConsent createdAt bookings { id } }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

export async function fetchParticipants(filter: ParticipantFilter, after?: string): Promise<Connection<ParticipantRow>> {
  return (await gql<{ participants: Connection<ParticipantRow> }>(PARTICIPANTS, { filter, after })).participants;
}

export const getParticipants = query((filter: ParticipantFilter) => fetchParticipants(filter), 'participants');

export function preloadParticipants(): void {
  void getParticipants({});
}
