import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { Booking } from '../booking.entity.js';
import { Participant } from '../participant.entity.js';
import { StudySession } from '../study-session.entity.js';
import { consentRecordsOf, createStudyWithSession, SIGN_UP, storedCounts, type StudyFixture } from './studies-fixtures.js';
import { withChallenge } from '../../../test/signup-challenge.js';

const VIEW = `query($token: String!) {
  booking(manageToken: $token) { id studyName startsAt durationMinutes location sessionStatus status cancelledAt hasPhone phoneLastDigits smsConsent }
}`;
const REMOVE_PHONE = `mutation($token: String!) { removeBookingPhone(manageToken: $token) { id hasPhone phoneLastDigits smsConsent status } }`;
const CANCEL = `mutation($token: String!) { cancelBooking(manageToken: $token) { id status cancelledAt } }`;
const BROWSER = { 'user-agent': 'Manage-Page-Test/1.0', 'x-forwarded-for': '198.51.100.23' };

describe('manage booking (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let study: StudyFixture;
  let seq = 0;

  /** A fresh booking with phone and consent; returns its manage token and ids. */
  async function book(phone = '(415) 555-0199') {
    const data = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Pat', email: `pat${++seq}@example.com`, phone, smsConsent: true }),
    });
    const { booking, manageUrl } = data.signUp;
    return { token: manageUrl.split('/').at(-1) as string, bookingId: booking.id as string, participantId: booking.participantId as string };
  }

  beforeAll(async () => {
    server = await startTestServer();
    ws = await createTestWorkspace(server, 'Manage workspace', { smsEnabled: true });
    study = await createStudyWithSession(server, ws.adminKey, { name: 'Usability round 3' });
  });
  afterAll(() => server?.stop());

  it('S7: the manage page shows the booking and never more than the last two digits of the phone', async () => {
    const { token, bookingId } = await book('(415) 555-0187');
    const result = await server.gql(VIEW, { token });
    expect(result.data?.booking).toMatchObject({
      id: bookingId,
      studyName: 'Usability round 3',
      durationMinutes: 30,
      sessionStatus: 'SCHEDULED',
      status: 'BOOKED',
      cancelledAt: null,
      hasPhone: true,
      phoneLastDigits: '87',
      smsConsent: true,
    });
    expect(JSON.stringify(result)).not.toMatch(/555|0187/);
  });

  it('S7: removing the phone revokes SMS consent with a MANAGE_BOOKING record; a repeat records nothing more', async () => {
    const { token, bookingId, participantId } = await book('(415) 555-0177');
    const removed = await server.gql(REMOVE_PHONE, { token }, null, BROWSER);
    expect(removed.data?.removeBookingPhone).toEqual({ id: bookingId, hasPhone: false, phoneLastDigits: null, smsConsent: false, status: 'BOOKED' });
    const participant = await server.app.dataSource.getRepository(Participant).findOneByOrFail({ id: participantId });
    expect(participant).toMatchObject({ phone: null, smsConsent: false });
    const records = await consentRecordsOf(server, participantId);
    expect(records.map((r) => r.action)).toEqual(['GRANTED', 'REVOKED']);
    expect(records[1]).toMatchObject({
      workspaceId: ws.id,
      subjectType: 'PARTICIPANT',
      phone: '+14155550177',
      action: 'REVOKED',
      source: 'MANAGE_BOOKING',
      studyId: study.id,
      sessionId: study.sessionId,
      bookingId,
      ipAddress: '198.51.100.23',
      userAgent: 'Manage-Page-Test/1.0',
      actorLabel: 'participant',
      actorApiKeyId: null,
      disclosureText: null,
    });
    const again = await server.gql(REMOVE_PHONE, { token }, null, BROWSER);
    expect(again.errors).toBeUndefined();
    expect(await consentRecordsOf(server, participantId)).toHaveLength(2);
  });

  it('S7: cancelling marks the booking CANCELLED; cancelling again changes nothing', async () => {
    const { token, bookingId } = await book();
    const first = await server.ok(CANCEL, { token });
    expect(first.cancelBooking).toMatchObject({ id: bookingId, status: 'CANCELLED' });
    expect(first.cancelBooking.cancelledAt).not.toBeNull();
    const second = await server.ok(CANCEL, { token });
    expect(second.cancelBooking).toEqual(first.cancelBooking);
    const stored = await server.app.dataSource.getRepository(Booking).findOneByOrFail({ id: bookingId });
    expect(stored.status).toBe('CANCELLED');
    expect(stored.cancelledAt?.toISOString()).toBe(first.cancelBooking.cancelledAt);
    expect((await server.ok(VIEW, { token })).booking.status).toBe('CANCELLED');
  });

  it('S7: a booking whose session has started can no longer be cancelled', async () => {
    const own = await createStudyWithSession(server, ws.adminKey, { name: 'Started already' });
    const data = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: own.inviteToken, sessionId: own.sessionId, name: 'Late', email: 'late@example.com', phone: '4155550166', smsConsent: true }),
    });
    const token = data.signUp.manageUrl.split('/').at(-1);
    await server.app.dataSource.getRepository(StudySession).update({ id: own.sessionId }, { startsAt: new Date(Date.now() - 60_000) });
    expect(errorCodes(await server.gql(CANCEL, { token }))).toEqual(['CONFLICT']);
    expect((await server.app.dataSource.getRepository(Booking).findOneByOrFail({ id: data.signUp.booking.id })).status).toBe('BOOKED');
  });

  it('S7: a cancelled booking can be booked again through the invite, with a fresh manage link', async () => {
    const { token, bookingId } = await book('4155550155');
    await server.ok(CANCEL, { token });
    const email = `pat${seq}@example.com`;
    const again = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Pat', email, phone: '4155550155', smsConsent: true }),
    });
    expect(again.signUp.booking).toMatchObject({ id: bookingId, status: 'BOOKED' });
    const newToken = again.signUp.manageUrl.split('/').at(-1);
    expect(newToken).not.toBe(token);
    expect(errorCodes(await server.gql(VIEW, { token }))).toEqual(['NOT_FOUND']);
    expect((await server.ok(VIEW, { token: newToken })).booking).toMatchObject({ status: 'BOOKED', cancelledAt: null });
  });

  it('S7 / A6: an unknown manage token is NOT_FOUND everywhere and changes nothing', async () => {
    const { participantId, bookingId } = await book('4155550144');
    const before = await storedCounts(server, ws.id);
    const participantBefore = await server.app.dataSource.getRepository(Participant).findOneByOrFail({ id: participantId });
    const bookingBefore = await server.app.dataSource.getRepository(Booking).findOneByOrFail({ id: bookingId });
    for (const token of ['nope', '', 'x'.repeat(500), bookingId]) {
      expect(errorCodes(await server.gql(VIEW, { token }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await server.gql(REMOVE_PHONE, { token }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await server.gql(CANCEL, { token }))).toEqual(['NOT_FOUND']);
    }
    expect(await storedCounts(server, ws.id)).toEqual(before);
    expect(await server.app.dataSource.getRepository(Participant).findOneByOrFail({ id: participantId })).toEqual(participantBefore);
    expect(await server.app.dataSource.getRepository(Booking).findOneByOrFail({ id: bookingId })).toEqual(bookingBefore);
  });
});
