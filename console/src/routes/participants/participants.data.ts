import { query } from '@solidjs/router';
import type { Connection } from '../../components/keyset-list';
import { graphql } from '../../gql';
import type { ConsoleParticipantsQuery, ParticipantFilter as ParticipantFilterInput } from '../../gql/graphql';
import { gql } from '../../lib/graphql';

export type ParticipantFilter = Pick<ParticipantFilterInput, 'search' | 'hasPhone' | 'smsConsent'>;

export type ParticipantRow = ConsoleParticipantsQuery['participants']['nodes'][number];

const PARTICIPANTS = graphql(`
  query ConsoleParticipants($after: String, $filter: ParticipantFilter, $first: Int! = 25) {
    participants(first: $first, after: $after, filter: $filter) {
      nodes { id name email phone smsConsent createdAt bookings { id } }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

export async function fetchParticipants(filter: ParticipantFilter, after?: string): Promise<Connection<ParticipantRow>> {
  return (await gql(PARTICIPANTS, { filter, after })).participants;
}

export const getParticipants = query((filter: ParticipantFilter) => fetchParticipants(filter), 'participants');

export function preloadParticipants(): void {
  void getParticipants({});
}
