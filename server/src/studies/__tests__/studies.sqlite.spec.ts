import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { disclosureFor } from '../../consent/disclosure.js';
import { consentRecordsOf, inFuture, SIGN_UP } from './studies-fixtures.js';
import { withChallenge } from '../../../test/signup-challenge.js';

describe('studies happy path (SQLite, the embedded default)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer({ database: 'sqlite' });
    ws = await createTestWorkspace(server, 'Embedded', { smsEnabled: true });
  });
  afterAll(() => server?.stop());

  it('S1/S2/S3: create a study and sessions, sign up with consent, read it all back', async () => {
    const { createStudy } = await server.ok(`mutation { createStudy(input: { name: "Embedded study" }) { id smsRemindersEnabled inviteUrl } }`, {}, ws.adminKey);
    expect(createStudy.smsRemindersEnabled).toBe(true);
    const sessionIds: string[] = [];
    for (const days of [3, 1, 2]) {
      const data = await server.ok(
        `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
        { input: { studyId: createStudy.id, startsAt: inFuture(days).toISOString(), durationMinutes: 45, location: 'Lab' } },
        ws.adminKey,
      );
      sessionIds.push(data.createSession.id);
    }
    const token = createStudy.inviteUrl.split('/').at(-1);
    const { invite } = await server.ok(`query($token: String!) { invite(token: $token) { smsRequired sessions { id } disclosure { version text } } }`, { token });
    expect(invite.smsRequired).toBe(true);
    expect(invite.sessions.map((s: { id: string }) => s.id)).toEqual([sessionIds[1], sessionIds[2], sessionIds[0]]);

    const signed = await server.gql(
      SIGN_UP,
      { input: await withChallenge(server, { inviteToken: token, sessionId: sessionIds[1], name: 'Lin', email: 'Lin@Example.com', phone: '(415) 555-0111', smsConsent: true, disclosureVersion: invite.disclosure.version }) },
      null,
      { 'user-agent': 'SQLite-Test', 'x-forwarded-for': '192.0.2.5' },
    );
    expect(signed.errors).toBeUndefined();
    const { booking } = signed.data!.signUp;

    const read = await server.ok(
      `{ participants { nodes { email phone smsConsent bookings { status session { id study { name } } } } } }`,
      {},
      ws.memberKey,
    );
    expect(read.participants.nodes).toEqual([
      { email: 'lin@example.com', phone: '+14155550111', smsConsent: true, bookings: [{ status: 'BOOKED', session: { id: sessionIds[1], study: { name: 'Embedded study' } } }] },
    ]);
    const page = await server.ok(`query($id: ID!) { sessions(studyId: $id, first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }`, { id: createStudy.id }, ws.adminKey);
    const rest = await server.ok(`query($id: ID!, $after: String) { sessions(studyId: $id, first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, { id: createStudy.id, after: page.sessions.pageInfo.endCursor }, ws.adminKey);
    expect([...page.sessions.nodes, ...rest.sessions.nodes].map((n: { id: string }) => n.id)).toEqual([sessionIds[1], sessionIds[2], sessionIds[0]]);
    expect(rest.sessions.pageInfo.hasNextPage).toBe(false);

    const [record] = await consentRecordsOf(server, booking.participantId);
    expect(record).toMatchObject({
      action: 'GRANTED',
      source: 'SIGNUP_FORM',
      phone: '+14155550111',
      bookingId: booking.id,
      disclosureText: disclosureFor(server.app.config.brandName)!.text,
      ipAddress: '192.0.2.5',
      userAgent: 'SQLite-Test',
    });

    const manageToken = signed.data!.signUp.manageUrl.split('/').at(-1);
    const removed = await server.ok(`mutation($t: String!) { removeBookingPhone(manageToken: $t) { hasPhone smsConsent } }`, { t: manageToken });
    expect(removed.removeBookingPhone).toEqual({ hasPhone: false, smsConsent: false });
    const cancelled = await server.ok(`mutation($t: String!) { cancelBooking(manageToken: $t) { status } }`, { t: manageToken });
    expect(cancelled.cancelBooking.status).toBe('CANCELLED');
    expect((await consentRecordsOf(server, booking.participantId)).map((r) => r.source)).toEqual(['SIGNUP_FORM', 'MANAGE_BOOKING']);
  });
});
