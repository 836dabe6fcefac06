import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSmsSegments } from '../templates/sms-segments.util.js';
import { createTestWorkspace, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { entriesOf, SENDER, startSendingServer, waitForEntry, type SendingServer } from '../../../test/sending.js';
import type { VonageStandIn } from '../../../test/vonage-stand-in/vonage-stand-in.js';
import { REMINDER_LEAD_MS } from '../../studies/booking-messages.js';
import { withChallenge } from '../../../test/signup-challenge.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { manageUrl booking { id } } }`;

async function bookParticipant(server: TestServer, ws: TestWorkspace, phone: string, startsInMs: number, email = `p${Math.random()}@example.com`) {
  const { createStudy } = await server.ok(`mutation { createStudy(input: { name: "Checkout study" }) { id inviteUrl } }`, {}, ws.adminKey);
  const startsAt = new Date(Date.now() + startsInMs);
  const { createSession } = await server.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id startsAt } }`,
    { input: { studyId: createStudy.id, startsAt: startsAt.toISOString(), durationMinutes: 30 } },
    ws.adminKey,
  );
  const { signUp } = await server.ok(SIGN_UP, {
    input: await withChallenge(server, { inviteToken: createStudy.inviteUrl.split('/').pop(), sessionId: createSession.id, name: 'Ada', email, phone, smsConsent: true }),
  });
  return { studyId: createStudy.id as string, sessionId: createSession.id as string, bookingId: signUp.booking.id as string, startsAt, manageUrl: signUp.manageUrl as string };
}

// The booking's own texts to a number; the signup's opt-in confirmation (K9) has its own tests.
const textsTo = (standIn: VonageStandIn, phone: string) =>
  standIn.messages.filter((m) => `+${m.to.replace(/^\+/, '')}` === phone && !m.text.includes("You're subscribed"));

describe('sending through the Vonage stand-in (MariaDB)', () => {
  let sending: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    sending = await startSendingServer({ env: process.env.TOCK_E2E_JOBS_URL ? { JOBS_URL: process.env.TOCK_E2E_JOBS_URL } : {} });
    server = sending.server;
    ws = await createTestWorkspace(server, 'Rally Research', { smsEnabled: true });
  });
  afterAll(() => sending?.stop());

  it('S4: a booked participant gets a confirmation at once and a reminder 15 minutes before the start, from the sender number', async () => {
    const phone = '+14155550301';
    // The reminder falls due two seconds from now.
    const booking = await bookParticipant(server, ws, phone, REMINDER_LEAD_MS + 2000);
    const confirmation = await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'CONFIRMATION' && e.status === 'SENT');
    const reminder = await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'REMINDER' && e.status === 'SENT');
    expect(reminder.sentAt!.getTime()).toBeGreaterThanOrEqual(booking.startsAt.getTime() - REMINDER_LEAD_MS);
    expect(confirmation.sentAt!.getTime()).toBeLessThan(reminder.sentAt!.getTime());
    const texts = textsTo(sending.standIn, phone);
    expect(texts.map((t) => t.text)).toEqual([confirmation.body, reminder.body]);
    expect(texts.every((t) => `+${t.from.replace(/^\+/, '')}` === SENDER)).toBe(true);
    expect(reminder.body).toContain('starts at ');
    expect(reminder.body).not.toContain('15 minutes');
    expect(reminder.body).toContain(booking.manageUrl);
    expect(reminder).toMatchObject({ channel: 'SMS', encoding: 'GSM-7', segments: countSmsSegments(reminder.body!).segments, senderPhone: SENDER, recipientPhone: phone });
  });

  it('L3: a delivery receipt moves the entry to DELIVERED; a failure receipt to FAILED with its code', async () => {
    const booking = await bookParticipant(server, ws, '+14155550302', 3 * 24 * 3600_000);
    const sent = await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'CONFIRMATION' && e.status === 'SENT');
    const delivery = await sending.standIn.deliverReceipt(server.url, sent.providerMessageId!, { status: 'delivered', errCode: '0' });
    expect(delivery.status).toBe(200);
    const delivered = await waitForEntry(server, (e) => e.id === sent.id && e.status === 'DELIVERED');
    expect(delivered.deliveredAt).toBeTruthy();

    const other = await bookParticipant(server, ws, '+14155550303', 3 * 24 * 3600_000);
    const sentOther = await waitForEntry(server, (e) => e.bookingId === other.bookingId && e.kind === 'CONFIRMATION' && e.status === 'SENT');
    await sending.standIn.deliverReceipt(server.url, sentOther.providerMessageId!, { status: 'failed', errCode: '2' });
    const failed = await waitForEntry(server, (e) => e.id === sentOther.id && e.status === 'FAILED');
    expect(failed.errorCode).toBe('2');
  });

  it('S6: rescheduling sends SCHEDULE_CHANGE and moves the reminder; cancelling sends CANCELLATION and drops it', async () => {
    const booking = await bookParticipant(server, ws, '+14155550304', 2 * 24 * 3600_000);
    const newStart = new Date(Date.now() + 3 * 24 * 3600_000);
    const moved = await server.ok(
      `mutation($input: RescheduleSessionInput!) { rescheduleSession(input: $input) { messagesQueued session { startsAt } } }`,
      { input: { sessionId: booking.sessionId, startsAt: newStart.toISOString() } },
      ws.adminKey,
    );
    expect(moved.rescheduleSession.messagesQueued).toBe(2);
    const change = await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'SCHEDULE_CHANGE' && e.status === 'SENT');
    expect(change.body).toContain('has moved to');
    const reminders = (await entriesOf(server, ws.id, ['REMINDER'])).filter((e) => e.bookingId === booking.bookingId);
    expect(reminders.map((r) => [r.status, r.skipReason, r.scheduledFor!.getTime()])).toEqual([
      ['SKIPPED', 'NO_LONGER_VALID', booking.startsAt.getTime() - REMINDER_LEAD_MS],
      ['QUEUED', null, newStart.getTime() - REMINDER_LEAD_MS],
    ]);

    await server.ok(`mutation($id: ID!) { cancelSession(sessionId: $id) { messagesQueued } }`, { id: booking.sessionId }, ws.adminKey);
    const cancellation = await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'CANCELLATION' && e.status === 'SENT');
    expect(cancellation.body).toContain('cancelled');
    const after = (await entriesOf(server, ws.id, ['REMINDER'])).filter((e) => e.bookingId === booking.bookingId);
    expect(after.every((r) => r.status === 'SKIPPED' && r.skipReason === 'NO_LONGER_VALID')).toBe(true);
  });

  it('S5: the 7th text of a booked event is SKIPPED EVENT_CAP_REACHED', async () => {
    const booking = await bookParticipant(server, ws, '+14155550305', 2 * 24 * 3600_000);
    await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'CONFIRMATION' && e.status === 'SENT');
    // Confirmation (1) + five day-of updates (6) + one more (7th).
    for (let i = 0; i < 6; i++) {
      await server.ok(`mutation($input: SendDayOfUpdateInput!) { sendDayOfUpdate(input: $input) { messagesQueued } }`, { input: { sessionId: booking.sessionId, update: 'RUNNING_LATE', idempotencyKey: `late-${i}` } }, ws.adminKey);
      await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.idempotencyKey === `day-of:${booking.bookingId}:key:late-${i}` && e.status !== 'QUEUED' && e.status !== 'SENDING');
    }
    const dayOf = (await entriesOf(server, ws.id, ['DAY_OF_UPDATE'])).filter((e) => e.bookingId === booking.bookingId);
    expect(dayOf.map((e) => e.status)).toEqual(['SENT', 'SENT', 'SENT', 'SENT', 'SENT', 'SKIPPED']);
    expect(dayOf[5].skipReason).toBe('EVENT_CAP_REACHED');
    // A retry with the same key records nothing more.
    const retry = await server.ok(`mutation($input: SendDayOfUpdateInput!) { sendDayOfUpdate(input: $input) { messagesQueued } }`, { input: { sessionId: booking.sessionId, update: 'RUNNING_LATE', idempotencyKey: 'late-0' } }, ws.adminKey);
    expect(retry.sendDayOfUpdate.messagesQueued).toBe(0);
  });

  it('S7: consent revoked between scheduling and sending: the reminder is not sent', async () => {
    const phone = '+14155550307';
    const booking = await bookParticipant(server, ws, phone, REMINDER_LEAD_MS + 2000);
    await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'CONFIRMATION' && e.status === 'SENT');
    // The participant removes their number on the manage page before the reminder is due.
    const manageToken = booking.manageUrl.split('/').pop();
    await server.ok(`mutation($t: String!) { removeBookingPhone(manageToken: $t) { hasPhone } }`, { t: manageToken });
    const reminder = await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'REMINDER' && e.status === 'SKIPPED');
    expect(reminder.skipReason).toBe('NOT_OPTED_IN');
    expect(textsTo(sending.standIn, phone)).toHaveLength(1);
  });

  it('W2: with workspace SMS off nothing is sent; each would-be text is SKIPPED WORKSPACE_SMS_DISABLED', async () => {
    const quiet = await createTestWorkspace(server, 'Quiet Co');
    const booking = await bookParticipant(server, quiet, '+14155550306', 2 * 24 * 3600_000);
    const skipped = await waitForEntry(server, (e) => e.bookingId === booking.bookingId && e.kind === 'CONFIRMATION' && e.status === 'SKIPPED');
    expect(skipped.skipReason).toBe('WORKSPACE_SMS_DISABLED');
    expect(textsTo(sending.standIn, '+14155550306')).toEqual([]);
  });
});
