import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { CURRENT_DISCLOSURE_VERSION, disclosureFor } from '../../consent/disclosure.js';
import { Booking } from '../booking.entity.js';
import { SessionStatus } from '../session-status.enum.js';
import { StudySession } from '../study-session.entity.js';
import {
  consentRecordsOf,
  createSession,
  createStudyWithSession,
  expectFieldError,
  inFuture,
  participantByEmail,
  SIGN_UP,
  storedCounts,
  type StudyFixture,
} from './studies-fixtures.js';
import { withChallenge } from '../../../test/signup-challenge.js';

const INVITE = `query($token: String!) {
  invite(token: $token) { studyName smsRequired sessions { id startsAt durationMinutes location } disclosure { version language text } }
}`;
const BROWSER = { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Tock-Test', 'x-forwarded-for': '203.0.113.77' };

describe('public signup (MariaDB)', () => {
  let server: TestServer;
  let smsOn: TestWorkspace;
  let smsOff: TestWorkspace;
  let required: StudyFixture;
  let optional: StudyFixture;
  let remindersOff: StudyFixture;
  let seq = 0;
  const email = () => `signer${++seq}@example.com`;
  const signUp = async (study: StudyFixture, input: Record<string, unknown>, headers: Record<string, string> = BROWSER) =>
    server.gql(SIGN_UP, { input: await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Ada Lovelace', email: email(), smsConsent: false, ...input }) }, null, headers);

  beforeAll(async () => {
    server = await startTestServer();
    smsOn = await createTestWorkspace(server, 'SMS on', { smsEnabled: true });
    // A7: this workspace also texts the UK (the A5 rows include a London number).
    await server.ok(`mutation { updateWorkspaceSettings(input: { allowedDestinationCountries: ["US", "GB"] }) { id } }`, {}, smsOn.adminKey);
    smsOff = await createTestWorkspace(server, 'SMS off');
    required = await createStudyWithSession(server, smsOn.memberKey, { name: 'Required study' });
    remindersOff = await createStudyWithSession(server, smsOn.memberKey, { name: 'Reminders off', smsRemindersEnabled: false });
    optional = await createStudyWithSession(server, smsOff.memberKey, { name: 'Optional study' });
  });
  afterAll(() => server?.stop());

  it('S2: the invite requires SMS only while workspace SMS and the study reminders are both on', async () => {
    expect((await server.ok(INVITE, { token: required.inviteToken })).invite.smsRequired).toBe(true);
    expect((await server.ok(INVITE, { token: remindersOff.inviteToken })).invite.smsRequired).toBe(false);
    expect((await server.ok(INVITE, { token: optional.inviteToken })).invite.smsRequired).toBe(false);
  });

  it('S3: the invite shows the current disclosure and only upcoming SCHEDULED sessions, soonest first', async () => {
    const study = await createStudyWithSession(server, smsOn.adminKey, { name: 'Invite page' });
    const sooner = await createSession(server, smsOn.adminKey, study.id, inFuture(0, 120), { location: 'Room 1' });
    const cancelled = await createSession(server, smsOn.adminKey, study.id, inFuture(2));
    const past = await createSession(server, smsOn.adminKey, study.id, inFuture(3));
    const sessions = server.app.dataSource.getRepository(StudySession);
    await sessions.update({ id: cancelled }, { status: SessionStatus.CANCELLED });
    await sessions.update({ id: past }, { startsAt: new Date(Date.now() - 3_600_000) });
    const { invite } = await server.ok(INVITE, { token: study.inviteToken });
    expect(invite.studyName).toBe('Invite page');
    expect(invite.sessions.map((s: { id: string }) => s.id)).toEqual([sooner, study.sessionId]);
    expect(invite.sessions[0]).toMatchObject({ durationMinutes: 30, location: 'Room 1' });
    expect(invite.disclosure).toEqual({ ...disclosureFor(server.app.config.brandName, CURRENT_DISCLOSURE_VERSION), language: 'EN' });
    expect(invite.disclosure.text).toContain('Reply STOP to opt out');
  });

  it('S2: an unknown invite token is NOT_FOUND, for the page and for signUp, and stores nothing', async () => {
    expect(errorCodes(await server.gql(INVITE, { token: 'no-such-invite' }))).toEqual(['NOT_FOUND']);
    const before = await storedCounts(server, smsOn.id);
    expect(errorCodes(await signUp({ ...required, inviteToken: 'no-such-invite' }, { phone: '4155550100', smsConsent: true }))).toEqual(['NOT_FOUND']);
    expect(await storedCounts(server, smsOn.id)).toEqual(before);
  });

  it('S2: without a phone the signup is refused with a phone field error and nothing is stored', async () => {
    const before = await storedCounts(server, smsOn.id);
    const address = email();
    expectFieldError(await signUp(required, { email: address, smsConsent: true }), 'BAD_USER_INPUT', 'phone');
    expectFieldError(await signUp(required, { email: address, phone: '   ', smsConsent: true }), 'BAD_USER_INPUT', 'phone');
    expect(await storedCounts(server, smsOn.id)).toEqual(before);
    expect(await participantByEmail(server, smsOn.id, address)).toBeNull();
  });

  it('S2/A6: every field problem of a signup comes back at once, in the form\'s order, and nothing is stored', async () => {
    const before = await storedCounts(server, smsOn.id);
    const result = await signUp({ ...required, sessionId: '' }, { name: '  ', email: 'not-an-email', smsConsent: false });
    expect(result.errors).toHaveLength(1);
    const extensions = result.errors![0].extensions as { code: string; field: string; problems: { field: string; message: string }[] };
    expect(extensions.code).toBe('BAD_USER_INPUT');
    expect(extensions.field).toBe('name');
    expect(extensions.problems.map((p) => p.field)).toEqual(['name', 'email', 'sessionId', 'phone', 'smsConsent']);
    expect(extensions.problems.every((p) => p.message.length > 0)).toBe(true);
    // A bad number and missing consent together.
    const again = await signUp(required, { phone: '555-0000-000', smsConsent: false });
    expect((again.errors![0].extensions as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual(['phone', 'smsConsent']);
    expect(await storedCounts(server, smsOn.id)).toEqual(before);
  });

  it('S2: without consent the signup is refused with an smsConsent field error and nothing is stored', async () => {
    const before = await storedCounts(server, smsOn.id);
    expectFieldError(await signUp(required, { phone: '(415) 555-0101', smsConsent: false }), 'BAD_USER_INPUT', 'smsConsent');
    expect(errorCodes(await signUp(required, { phone: '(415) 555-0101', smsConsent: null }))).toEqual(['BAD_USER_INPUT']);
    expect(await storedCounts(server, smsOn.id)).toEqual(before);
  });

  it.each(['12345', 'not a phone', '+1 555 0100', '+44 20 7946', '415-555-013x', '020 7946 0958', '+1 415 555 01'])(
    'S2 / A5: the bad phone %j is a phone field error and nothing is stored',
    async (phone) => {
      const before = await storedCounts(server, smsOn.id);
      const result = await signUp(required, { phone, smsConsent: true });
      expectFieldError(result, 'BAD_USER_INPUT', 'phone');
      expect(result.errors?.[0].message).toMatch(/not a valid phone number/);
      expect(await storedCounts(server, smsOn.id)).toEqual(before);
    },
  );

  it('S2: with workspace SMS off a signup without a phone is booked and records no consent', async () => {
    const before = await storedCounts(server, smsOff.id);
    const address = email();
    const result = await signUp(optional, { email: address });
    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp.booking).toMatchObject({ status: 'BOOKED', sessionId: optional.sessionId });
    expect(await storedCounts(server, smsOff.id)).toEqual({ ...before, participants: before.participants + 1, bookings: before.bookings + 1 });
    const participant = await participantByEmail(server, smsOff.id, address);
    expect(participant).toMatchObject({ phone: null, smsConsent: false });
  });

  it('S2: with the study reminders off a phone is optional too', async () => {
    const result = await signUp(remindersOff, {});
    expect(result.errors).toBeUndefined();
  });

  it('S2: when SMS is optional, consent still needs a phone', async () => {
    const before = await storedCounts(server, smsOff.id);
    expectFieldError(await signUp(optional, { smsConsent: true }), 'BAD_USER_INPUT', 'phone');
    expect(await storedCounts(server, smsOff.id)).toEqual(before);
  });

  it('S3: a consenting signup writes a consent record with every field, the exact text shown, IP and user agent', async () => {
    const address = email();
    const startedAt = Date.now();
    const result = await signUp(required, { email: address.toUpperCase(), name: ' Grace Hopper ', phone: '(415) 555-0132', smsConsent: true, disclosureVersion: CURRENT_DISCLOSURE_VERSION });
    expect(result.errors).toBeUndefined();
    const { booking, manageUrl } = result.data!.signUp;
    const stored = await server.app.dataSource.getRepository(Booking).findOneByOrFail({ id: booking.id });
    expect(manageUrl).toBe(`http://tock.test/console/manage/${stored.manageToken}`);
    expect(stored.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const participant = await participantByEmail(server, smsOn.id, address);
    expect(participant).toMatchObject({ id: booking.participantId, name: 'Grace Hopper', email: address, phone: '+14155550132', smsConsent: true });
    const records = await consentRecordsOf(server, booking.participantId);
    expect(records).toHaveLength(1);
    const disclosure = disclosureFor(server.app.config.brandName, CURRENT_DISCLOSURE_VERSION)!;
    expect(records[0]).toMatchObject({
      workspaceId: smsOn.id,
      subjectType: 'PARTICIPANT',
      subjectId: booking.participantId,
      phone: '+14155550132',
      action: 'GRANTED',
      source: 'SIGNUP_FORM',
      studyId: required.id,
      sessionId: required.sessionId,
      bookingId: booking.id,
      disclosureVersion: CURRENT_DISCLOSURE_VERSION,
      disclosureText: disclosure.text,
      ipAddress: '203.0.113.77',
      userAgent: BROWSER['user-agent'],
      actorLabel: 'participant',
      actorApiKeyId: null,
      keyword: null,
    });
    expect(records[0].createdAt.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(records[0].createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('S3: an unknown disclosureVersion is a field error and nothing is stored', async () => {
    const before = await storedCounts(server, smsOn.id);
    expectFieldError(await signUp(required, { phone: '4155550102', smsConsent: true, disclosureVersion: '1999-01' }), 'BAD_USER_INPUT', 'disclosureVersion');
    expect(await storedCounts(server, smsOn.id)).toEqual(before);
  });

  it.each([
    ['(415) 555-0141', '+14155550141'],
    ['415.555.0142', '+14155550142'],
    ['1-415-555-0143', '+14155550143'],
    ['+44 20 7946 0958', '+442079460958'],
    ['  +1 (201) 555-0144  ', '+12015550144'],
  ])('A5: the phone %j is stored and recorded as %s', async (phone, e164) => {
    const address = email();
    const result = await signUp(required, { email: address, phone, smsConsent: true });
    expect(result.errors).toBeUndefined();
    const participant = await participantByEmail(server, smsOn.id, address);
    expect(participant?.phone).toBe(e164);
    expect((await consentRecordsOf(server, participant!.id)).map((r) => r.phone)).toEqual([e164]);
  });

  it('participant identity is the email in any case: a second signup reuses the participant and updates name and phone', async () => {
    const address = email();
    const other = await createStudyWithSession(server, smsOn.adminKey, { name: 'Second study' });
    const first = await signUp(required, { email: address, name: 'Ann', phone: '4155550150', smsConsent: true });
    const second = await signUp(other, { email: address.toUpperCase(), name: 'Ann Smith', phone: '4155550151', smsConsent: true });
    expect(second.data?.signUp.booking.participantId).toBe(first.data?.signUp.booking.participantId);
    const participant = await participantByEmail(server, smsOn.id, address);
    expect(participant).toMatchObject({ name: 'Ann Smith', phone: '+14155550151', smsConsent: true });
    // Consent follows the number: the old one is revoked, the new one granted.
    const records = await consentRecordsOf(server, participant!.id);
    expect(records.map((r) => [r.action, r.phone, r.studyId])).toEqual([
      ['GRANTED', '+14155550150', required.id],
      ['REVOKED', '+14155550150', other.id],
      ['GRANTED', '+14155550151', other.id],
    ]);
  });

  it('a returning participant who leaves the box unticked keeps their consent; a new number without consent is not consented', async () => {
    const address = email();
    const a = await createStudyWithSession(server, smsOff.adminKey, { name: 'Returning A' });
    const b = await createStudyWithSession(server, smsOff.adminKey, { name: 'Returning B' });
    await signUp(optional, { email: address, phone: '4155550160', smsConsent: true });
    await signUp(a, { email: address, phone: '4155550160', smsConsent: false });
    const participant = await participantByEmail(server, smsOff.id, address);
    expect(participant).toMatchObject({ phone: '+14155550160', smsConsent: true });
    expect(await consentRecordsOf(server, participant!.id)).toHaveLength(1);
    await signUp(b, { email: address, phone: '4155550161', smsConsent: false });
    expect(await participantByEmail(server, smsOff.id, address)).toMatchObject({ phone: '+14155550161', smsConsent: false });
    expect((await consentRecordsOf(server, participant!.id)).map((r) => [r.action, r.phone])).toEqual([
      ['GRANTED', '+14155550160'],
      ['REVOKED', '+14155550160'],
    ]);
  });

  it('a second signUp for the same session is a CONFLICT and stores nothing new', async () => {
    const address = email();
    const first = await signUp(required, { email: address, phone: '4155550170', smsConsent: true });
    expect(first.errors).toBeUndefined();
    const before = await storedCounts(server, smsOn.id);
    const again = await signUp(required, { email: address.toUpperCase(), name: 'Someone else', phone: '4155550171', smsConsent: true });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(await storedCounts(server, smsOn.id)).toEqual(before);
    expect(await participantByEmail(server, smsOn.id, address)).toMatchObject({ name: 'Ada Lovelace', phone: '+14155550170' });
  });

  it('idempotency: the same key twice returns the same booking; a different input with it is IDEMPOTENCY_KEY_REUSED; nothing is duplicated', async () => {
    const address = email();
    const input = { email: address, phone: '4155550180', smsConsent: true, idempotencyKey: 'signup-retry-1' };
    const first = await signUp(required, input);
    const before = await storedCounts(server, smsOn.id);
    const retry = await signUp(required, input);
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.signUp).toEqual(first.data?.signUp);
    const reused = await signUp(required, { ...input, phone: '4155550181' });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    expect(await storedCounts(server, smsOn.id)).toEqual(before);
    // The key is scoped to the invite: the same key on another study's invite is a new signup.
    const elsewhere = await signUp(remindersOff, { ...input, email: email() });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data?.signUp.booking.id).not.toBe(first.data?.signUp.booking.id);
  });

  it("A6: a session of another study, or a cancelled or past session, cannot be booked; nothing is stored", async () => {
    const study = await createStudyWithSession(server, smsOn.adminKey, { name: 'Closed sessions' });
    const cancelled = await createSession(server, smsOn.adminKey, study.id, inFuture(4));
    const past = await createSession(server, smsOn.adminKey, study.id, inFuture(5));
    const sessions = server.app.dataSource.getRepository(StudySession);
    await sessions.update({ id: cancelled }, { status: SessionStatus.CANCELLED });
    await sessions.update({ id: past }, { startsAt: new Date(Date.now() - 60_000) });
    const before = await storedCounts(server, smsOn.id);
    const consenting = { phone: '4155550190', smsConsent: true };
    expect(errorCodes(await signUp({ ...study, sessionId: required.sessionId }, consenting))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await signUp({ ...study, sessionId: optional.sessionId }, consenting))).toEqual(['NOT_FOUND']);
    expectFieldError(await signUp({ ...study, sessionId: cancelled }, consenting), 'BAD_USER_INPUT', 'sessionId');
    expectFieldError(await signUp({ ...study, sessionId: past }, consenting), 'BAD_USER_INPUT', 'sessionId');
    expect(errorCodes(await signUp(study, { ...consenting, email: 'not-an-email' }))).toEqual(['BAD_USER_INPUT']);
    expectFieldError(await signUp(study, { ...consenting, name: '   ' }), 'BAD_USER_INPUT', 'name');
    expect(await storedCounts(server, smsOn.id)).toEqual(before);
  });

  it("A2: the public signUp answer does not open the booking's relations without a workspace key", async () => {
    const result = await server.gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) { booking { id participant { email phone } } } }`,
      { input: await withChallenge(server, { inviteToken: optional.inviteToken, sessionId: optional.sessionId, name: 'Nosy', email: email(), smsConsent: false }) },
    );
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    // Another workspace's key cannot reach them either.
    const foreign = await server.gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) { booking { id session { id } } } }`,
      { input: await withChallenge(server, { inviteToken: optional.inviteToken, sessionId: optional.sessionId, name: 'Nosy', email: email(), smsConsent: false }) },
      smsOn.adminKey,
    );
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
  });
});
