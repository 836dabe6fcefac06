import { action, json, query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { gql } from '../../lib/graphql';

export interface ManagedBooking {
  id: string;
  studyName: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  status: 'BOOKED' | 'CANCELLED';
  sessionStatus: 'SCHEDULED' | 'CANCELLED';
  cancelledAt: string | null;
  hasPhone: boolean;
  phoneLastDigits: string | null;
  smsConsent: boolean;
  /** T1: the session's zone, and the zone the participant's texts are written in. */
  sessionTimeZone: string;
  timeZone: string;
  /** T2: the participant's language; the page speaks it. */
  language: 'EN' | 'ES';
}

const FIELDS = 'id studyName startsAt durationMinutes location status sessionStatus cancelledAt hasPhone phoneLastDigits smsConsent sessionTimeZone timeZone language';

// Public (S7): the manage token in the link is the only credential; no API key is sent.
export const getManagedBooking = query(
  async (manageToken: string) => (await gql<{ booking: ManagedBooking }>(`query PublicBooking($manageToken: String!) { booking(manageToken: $manageToken) { ${FIELDS} } }`, { manageToken }, null)).booking,
  'managedBooking',
);

export function preloadManageBooking({ params }: RoutePreloadFuncArgs): void {
  if (params.token) void getManagedBooking(params.token);
}

// S7: consent REVOKED with source MANAGE_BOOKING; the server records it.
export const removeBookingPhone = action(async (manageToken: string) => {
  await gql(`mutation PublicRemovePhone($manageToken: String!) { removeBookingPhone(manageToken: $manageToken) { id } }`, { manageToken }, null);
}, 'removeBookingPhone');

export const cancelBooking = action(async (manageToken: string) => {
  await gql(`mutation PublicCancelBooking($manageToken: String!) { cancelBooking(manageToken: $manageToken) { id } }`, { manageToken }, null);
}, 'cancelBooking');

// T1: the participant's own zone; their texts are written in it.
export const setBookingTimeZone = action(async (manageToken: string, timeZone: string) => {
  await gql(`mutation PublicSetTimeZone($manageToken: String!, $timeZone: String!) { setBookingTimeZone(manageToken: $manageToken, timeZone: $timeZone) { id } }`, { manageToken, timeZone }, null);
  return json(true, { revalidate: getManagedBooking.keyFor(manageToken) });
}, 'setBookingTimeZone');
