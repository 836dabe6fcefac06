import { action, query, type RoutePreloadFuncArgs } from '@solidjs/router';
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
}

const FIELDS = 'id studyName startsAt durationMinutes location status sessionStatus cancelledAt hasPhone phoneLastDigits smsConsent';

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
