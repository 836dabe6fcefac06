import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { Participant } from '../participant.entity.js';
import { consentRecordsOf, createStudyWithSession, expectFieldError, SIGN_UP, storedCounts, type StudyFixture } from './studies-fixtures.js';
import { withChallenge } from '../../../test/signup-challenge.js';

const SET_CONSENT = `mutation($input: SetParticipantSmsConsentInput!) {
  setParticipantSmsConsent(input: $input) { id phone smsConsent }
}`;

describe('S8: SMS consent changed by hand (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let study: StudyFixture;
  let memberKeyId: string;
  let seq = 0;

  /** A participant without a phone (this workspace has SMS off, so signup does not require one). */
  async function participant(): Promise<string> {
    const data = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: 'Sam', email: `sam${++seq}@example.com`, smsConsent: false }),
    });
    return data.signUp.booking.participantId;
  }
  const stored = (id: string) => server.app.dataSource.getRepository(Participant).findOneByOrFail({ id });

  beforeAll(async () => {
    server = await startTestServer();
    ws = await createTestWorkspace(server, 'Consent workspace');
    other = await createTestWorkspace(server, 'Other workspace');
    study = await createStudyWithSession(server, ws.adminKey);
    const keys = await server.ok(`{ apiKeys { id name } }`, {}, ws.adminKey);
    memberKeyId = keys.apiKeys.find((k: { name: string }) => k.name === 'member').id;
  });
  afterAll(() => server?.stop());

  it('A2: participant(id) answers for its own workspace and NOT_FOUND for another', async () => {
    const id = await participant();
    const { participant: found } = await server.ok(`query($id: ID!) { participant(id: $id) { id name smsConsent } }`, { id }, ws.memberKey);
    expect(found).toEqual({ id, name: 'Sam', smsConsent: false });
    expect(errorCodes(await server.gql(`query($id: ID!) { participant(id: $id) { id } }`, { id }, other.adminKey))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await server.gql(`query { participant(id: "nope") { id } }`, {}, ws.adminKey))).toEqual(['NOT_FOUND']);
  });

  it('S8: granting needs a phone number; without one nothing changes', async () => {
    const id = await participant();
    const before = await storedCounts(server, ws.id);
    expectFieldError(await server.gql(SET_CONSENT, { input: { participantId: id, granted: true, attestation: 'Verbal consent on the phone' } }, ws.memberKey), 'BAD_USER_INPUT', 'phone');
    expectFieldError(await server.gql(SET_CONSENT, { input: { participantId: id, granted: true, phone: '  ', attestation: 'Verbal consent on the phone' } }, ws.memberKey), 'BAD_USER_INPUT', 'phone');
    expect(await storedCounts(server, ws.id)).toEqual(before);
    expect(await stored(id)).toMatchObject({ phone: null, smsConsent: false });
  });

  it.each([[undefined], [null], [''], ['  ']])('S8: a grant by hand without a consent statement (%j) is an attestation field error and nothing changes', async (attestation) => {
    const id = await participant();
    const before = await storedCounts(server, ws.id);
    expectFieldError(await server.gql(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550150', attestation } }, ws.adminKey), 'BAD_USER_INPUT', 'attestation');
    expect(await storedCounts(server, ws.id)).toEqual(before);
    expect(await stored(id)).toMatchObject({ phone: null, smsConsent: false });
  });

  it('S8: a grant records source ADMIN with the key that did it, and the attestation', async () => {
    const id = await participant();
    const result = await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, phone: '(415) 555-0123', attestation: 'Verbal consent on call, 2026-03-02' } }, ws.memberKey);
    expect(result.setParticipantSmsConsent).toEqual({ id, phone: '+14155550123', smsConsent: true });
    expect(await stored(id)).toMatchObject({ phone: '+14155550123', smsConsent: true });
    const records = await consentRecordsOf(server, id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      workspaceId: ws.id,
      subjectType: 'PARTICIPANT',
      subjectId: id,
      phone: '+14155550123',
      action: 'GRANTED',
      source: 'ADMIN',
      actorApiKeyId: memberKeyId,
      actorLabel: 'api-key:member',
      attestation: 'Verbal consent on call, 2026-03-02',
      ipAddress: null,
      disclosureText: null,
    });
  });

  it('S8: repeating the current state is a no-op without a new record', async () => {
    const id = await participant();
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550124', attestation: 'Verbal consent on the phone' } }, ws.adminKey);
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, phone: '+1 415 555 0124', attestation: 'Verbal consent on the phone' } }, ws.adminKey);
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, attestation: 'Verbal consent on the phone' } }, ws.adminKey);
    expect(await consentRecordsOf(server, id)).toHaveLength(1);
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: false } }, ws.adminKey);
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: false } }, ws.adminKey);
    expect((await consentRecordsOf(server, id)).map((r) => r.action)).toEqual(['GRANTED', 'REVOKED']);
  });

  it('S8: a revoke keeps the phone on file, and a later grant may use it', async () => {
    const id = await participant();
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550125', attestation: 'Verbal consent on the phone' } }, ws.adminKey);
    const revoked = await server.ok(SET_CONSENT, { input: { participantId: id, granted: false } }, ws.adminKey);
    expect(revoked.setParticipantSmsConsent).toEqual({ id, phone: '+14155550125', smsConsent: false });
    const granted = await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, attestation: 'Verbal consent on the phone' } }, ws.memberKey);
    expect(granted.setParticipantSmsConsent).toEqual({ id, phone: '+14155550125', smsConsent: true });
    const records = await consentRecordsOf(server, id);
    expect(records.map((r) => [r.action, r.phone, r.source])).toEqual([
      ['GRANTED', '+14155550125', 'ADMIN'],
      ['REVOKED', '+14155550125', 'ADMIN'],
      ['GRANTED', '+14155550125', 'ADMIN'],
    ]);
  });

  it('S8: a new number while consented revokes the old number and grants the new one', async () => {
    const id = await participant();
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550126', attestation: 'Verbal consent on the phone' } }, ws.adminKey);
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550127', attestation: 'Verbal consent on the phone' } }, ws.adminKey);
    expect((await consentRecordsOf(server, id)).map((r) => [r.action, r.phone])).toEqual([
      ['GRANTED', '+14155550126'],
      ['REVOKED', '+14155550126'],
      ['GRANTED', '+14155550127'],
    ]);
  });

  it("S8 / A2: another workspace's participant is NOT_FOUND and nothing changes", async () => {
    const id = await participant();
    const before = await storedCounts(server, ws.id);
    const result = await server.gql(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550128', attestation: 'Verbal consent on the phone' } }, other.adminKey);
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await server.gql(SET_CONSENT, { input: { participantId: 'no-such-id', granted: false } }, ws.adminKey))).toEqual(['NOT_FOUND']);
    expect(await storedCounts(server, ws.id)).toEqual(before);
    expect(await storedCounts(server, other.id)).toMatchObject({ consentRecords: 0, participants: 0 });
    expect(await stored(id)).toMatchObject({ phone: null, smsConsent: false });
    const listed = await server.ok(`{ participants(first: 100) { nodes { id } } }`, {}, other.adminKey);
    expect(listed.participants.nodes).toEqual([]);
  });

  it.each(['12345', 'call me', '+1 555 0100', '+44 20 7946'])('S8 / A5: the bad phone %j is a phone field error and nothing changes', async (phone) => {
    const id = await participant();
    const before = await storedCounts(server, ws.id);
    expectFieldError(await server.gql(SET_CONSENT, { input: { participantId: id, granted: true, phone, attestation: 'Verbal consent on the phone' } }, ws.adminKey), 'BAD_USER_INPUT', 'phone');
    expect(await storedCounts(server, ws.id)).toEqual(before);
    expect(await stored(id)).toMatchObject({ phone: null, smsConsent: false });
  });

  it('A6: a phone sent with a revoke is a field error and nothing changes', async () => {
    const id = await participant();
    await server.ok(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550129', attestation: 'Verbal consent on the phone' } }, ws.adminKey);
    const before = await storedCounts(server, ws.id);
    expectFieldError(await server.gql(SET_CONSENT, { input: { participantId: id, granted: false, phone: '4155550130' } }, ws.adminKey), 'BAD_USER_INPUT', 'phone');
    expect(await storedCounts(server, ws.id)).toEqual(before);
    expect(await stored(id)).toMatchObject({ phone: '+14155550129', smsConsent: true });
  });

  it('A1: changing consent needs a valid workspace key', async () => {
    const id = await participant();
    const before = await storedCounts(server, ws.id);
    expect(errorCodes(await server.gql(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550131', attestation: 'Verbal consent on the phone' } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.gql(SET_CONSENT, { input: { participantId: id, granted: true, phone: '4155550131', attestation: 'Verbal consent on the phone' } }, 'tock_bogus'))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.gql(SET_CONSENT, { input: { participantId: id, granted: 'yes' } }, ws.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(await storedCounts(server, ws.id)).toEqual(before);
  });
});
