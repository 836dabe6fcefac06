import { action, json, query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql } from '../../gql';
import type { PublicBookingQuery } from '../../gql/graphql';
import { gql } from '../../lib/graphql';

export type ManagedBooking = PublicBookingQuery['booking'];

// T1: sessionTimeZone is the session's zone, timeZone the one the participant's
// texts are written in; T2: language is the participant's, and the page speaks it.
const BOOKING = graphql(`
  query PublicBooking($manageToken: String!) {
    booking(manageToken: $manageToken) {
      id studyName startsAt durationMinutes location status sessionStatus cancelledAt hasPhone phoneLastDigits smsConsent sessionTimeZone timeZone language
    }
  }
`);

const REMOVE_PHONE = graphql(`
  mutation PublicRemovePhone($manageToken: String!) {
    removeBookingPhone(manageToken: $manageToken) { id }
  }
`);

const CANCEL = graphql(`
  mutation PublicCancelBooking($manageToken: String!) {
    cancelBooking(manageToken: $manageToken) { id }
  }
`);

const SET_TIME_ZONE = graphql(`
  mutation PublicSetTimeZone($manageToken: String!, $timeZone: String!) {
    setBookingTimeZone(manageToken: $manageToken, timeZone: $timeZone) { id }
  }
`);

// Public (S7): the manage token in the link is the only credential; no API key is sent.
export const getManagedBooking = query(
  async (manageToken: string) => (await gql(BOOKING, { manageToken }, null)).booking,
  'managedBooking',
);

export function preloadManageBooking({ params }: RoutePreloadFuncArgs): void {
  if (params.token) void getManagedBooking(params.token);
}

// S7: consent REVOKED with source MANAGE_BOOKING; the server records it.
export const removeBookingPhone = action(async (manageToken: string) => {
  await gql(REMOVE_PHONE, { manageToken }, null);
}, 'removeBookingPhone');

export const cancelBooking = action(async (manageToken: string) => {
  await gql(CANCEL, { manageToken }, null);
}, 'cancelBooking');

// T1: the participant's own zone; their texts are written in it.
export const setBookingTimeZone = action(async (manageToken: string, timeZone: string) => {
  await gql(SET_TIME_ZONE, { manageToken, timeZone }, null);
  return json(true, { revalidate: getManagedBooking.keyFor(manageToken) });
}, 'setBookingTimeZone');
