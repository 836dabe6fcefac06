import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../../comms-log/comms-log.enums.js';
import { Employee } from '../employee.entity.js';
import { ScheduleWeek } from '../schedule-week.entity.js';
import { consentRecordsOf, createEmployee, saveWeek, SET_OPT_IN, snapshot } from './employee-fixtures.js';

describe('employee SMS opt-in, one at a time (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    ws = await createTestWorkspace(server, 'Timely Cafe');
    other = await createTestWorkspace(server, 'Other Org');
  });
  afterAll(() => server?.stop());

  // The harness names its keys "Initial admin key" and "member".
  const keyNamed = async (name: string): Promise<{ id: string; name: string }> =>
    (await server.ok(`{ apiKeys { id name } }`, {}, ws.adminKey)).apiKeys.find((k: { name: string }) => k.name === name);

  it('E2: an ADMIN-source change writes a GRANTED consent record with who, where and how', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Sarah', phone: '+14155550123' });
    const result = await server.gql(
      SET_OPT_IN,
      { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the morning briefing' } },
      ws.adminKey,
      { 'user-agent': 'TeamPage/1.0' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.setEmployeeSmsOptIn.smsOptIn).toBe(true);
    const key = await keyNamed('Initial admin key');
    const records = await consentRecordsOf(server, ws.id, id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      subjectType: 'EMPLOYEE',
      subjectId: id,
      phone: '+14155550123',
      action: 'GRANTED',
      source: 'ADMIN',
      actorApiKeyId: key.id,
      attestation: 'Asked in person at the morning briefing',
      userAgent: 'TeamPage/1.0',
    });
    expect(records[0].actorLabel).toContain(key.name);
    expect(records[0].ipAddress).toMatch(/127\.0\.0\.1/);
    expect(Math.abs(records[0].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it.each([[undefined], [null], [''], ['   \n ']])('E2: an ADMIN-source grant without a consent statement (%j) is an attestation field error and nothing is stored', async (attestation) => {
    const id = await createEmployee(server, ws.adminKey, { name: `No Statement ${String(attestation).length}`, phone: '+14155550140' });
    const before = await snapshot(server, ws.id);
    const result = await server.gql(SET_OPT_IN, { input: { employeeId: id, optIn: true, attestation } }, ws.adminKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('attestation');
    expect(await snapshot(server, ws.id)).toEqual(before);
    expect(await server.app.dataSource.getRepository(CommsLogEntry).countBy({ employeeId: id })).toBe(0);
  });

  it('E2: the statement is needed only to grant by hand: a SIGNUP grant and a revoke go through without one', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Signup Ack', phone: '+14155550141' });
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: true, source: 'SIGNUP' } }, ws.adminKey);
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: false } }, ws.adminKey);
    expect((await consentRecordsOf(server, ws.id, id)).map((r) => [r.action, r.source, r.attestation])).toEqual([
      ['GRANTED', 'SIGNUP', null],
      ['REVOKED', 'ADMIN', null],
    ]);
  });

  it('E2: a SIGNUP-source change writes a record with source SIGNUP, and opting out writes REVOKED', async () => {
    const id = await createEmployee(server, ws.memberKey, { name: 'Marco', phone: '+14155550124' });
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: true, source: 'SIGNUP' } }, ws.memberKey);
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: false } }, ws.memberKey);
    const key = await keyNamed('member');
    const records = await consentRecordsOf(server, ws.id, id);
    expect(records.map((r) => [r.action, r.source, r.actorApiKeyId])).toEqual([
      ['GRANTED', 'SIGNUP', key.id],
      ['REVOKED', 'ADMIN', key.id],
    ]);
    expect((await server.app.dataSource.getRepository(Employee).findOneByOrFail({ id })).smsOptIn).toBe(false);
  });

  it('E2: setting the value it already has is a no-op and writes no record', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Noop', phone: '+14155550125' });
    const before = await snapshot(server, ws.id);
    const result = await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: false } }, ws.adminKey);
    expect(result.setEmployeeSmsOptIn.smsOptIn).toBe(false);
    expect(await snapshot(server, ws.id)).toEqual(before);
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    expect(await consentRecordsOf(server, ws.id, id)).toHaveLength(1);
  });

  it('E9: an employee may be opted in without a phone number: the flag and its record are kept, and no confirmation is queued', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'No Phone' });
    const data = await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    expect(data.setEmployeeSmsOptIn.smsOptIn).toBe(true);
    const records = await server.app.dataSource.query(`SELECT action, source, phone FROM consent_records WHERE subjectId = ? ORDER BY id`, [id]);
    expect(records).toEqual([{ action: 'GRANTED', source: 'ADMIN', phone: null }]);
    expect(await server.app.dataSource.getRepository(CommsLogEntry).countBy({ employeeId: id })).toBe(0);
  });

  it('E5: opting in turns on Send SMS Alert for every existing week of that employee, and only theirs', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Weeks', phone: '+14155550126' });
    const bystander = await createEmployee(server, ws.adminKey, { name: 'Bystander', phone: '+14155550127' });
    const weeks = [await saveWeek(server, ws.adminKey, id, '2026-03-02'), await saveWeek(server, ws.adminKey, id, '2026-03-09', false)];
    const bystanderWeek = await saveWeek(server, ws.adminKey, bystander, '2026-03-02');
    const repo = server.app.dataSource.getRepository(ScheduleWeek);
    expect((await repo.findBy({ employeeId: id })).map((w) => w.sendSmsAlert)).toEqual([false, false]);

    const data = await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    expect(data.setEmployeeSmsOptIn.scheduleWeeks.map((w: { id: string; sendSmsAlert: boolean }) => [w.id, w.sendSmsAlert])).toEqual(weeks.map((w) => [w, true]));
    expect((await repo.findOneByOrFail({ id: bystanderWeek })).sendSmsAlert).toBe(false);
  });

  it('E5: opting out leaves the weeks as they are', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Out', phone: '+14155550128' });
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    const week = await saveWeek(server, ws.adminKey, id, '2026-03-02');
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: false } }, ws.adminKey);
    expect((await server.app.dataSource.getRepository(ScheduleWeek).findOneByOrFail({ id: week })).sendSmsAlert).toBe(true);
  });

  it('A2: another workspace\'s employee answers NOT_FOUND and nothing changes', async () => {
    const foreign = await createEmployee(server, other.adminKey, { name: 'Foreign', phone: '+14155550129' });
    const before = await snapshot(server, other.id);
    const result = await server.gql(SET_OPT_IN, { input: { employeeId: foreign, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(await snapshot(server, other.id)).toEqual(before);
  });

  it('A6: an unknown source is refused and nothing changes', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Enum', phone: '+14155550130' });
    const before = await snapshot(server, ws.id);
    const result = await server.gql(SET_OPT_IN, { input: { employeeId: id, optIn: true, source: 'BULK' } }, ws.adminKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    const keyword = await server.gql(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, source: KEYWORD }) { id } }`, { id }, ws.adminKey);
    expect(errorCodes(keyword)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await snapshot(server, ws.id)).toEqual(before);
  });

  it('A1: a revoked key cannot change opt-in and nothing changes', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Revoked', phone: '+14155550131' });
    const created = await server.ok(`mutation { createApiKey(input: { name: "temp", role: MEMBER }) { apiKey { id } secret } }`, {}, ws.adminKey);
    await server.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: created.createApiKey.apiKey.id }, ws.adminKey);
    const before = await snapshot(server, ws.id);
    const result = await server.gql(SET_OPT_IN, { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the briefing' } }, created.createApiKey.secret);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(await snapshot(server, ws.id)).toEqual(before);
  });

  it('E9/K9: an opted-in employee keeps the flag through a new number, which gets a GRANTED record and the opt-in confirmation; removing it keeps the flag', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'New Number', phone: '+14155550161' });
    await server.ok(SET_OPT_IN, { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    const upsert = `mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { phone smsOptIn } }`;
    // The same number typed differently is no change.
    expect((await server.ok(upsert, { input: { id, name: 'New Number', phone: '(415) 555-0161' } }, ws.adminKey)).upsertEmployee.smsOptIn).toBe(true);
    const changed = await server.ok(upsert, { input: { id, name: 'New Number', phone: '+14155550162' } }, ws.adminKey);
    expect(changed.upsertEmployee).toEqual({ phone: '+14155550162', smsOptIn: true });
    const records = await server.app.dataSource.query(`SELECT action, source, phone, attestation FROM consent_records WHERE subjectId = ? ORDER BY id`, [id]);
    expect(records.map((r: { action: string; source: string; phone: string }) => [r.action, r.source, r.phone])).toEqual([
      ['GRANTED', 'ADMIN', '+14155550161'],
      ['GRANTED', 'ADMIN', '+14155550162'],
    ]);
    expect(records[1].attestation).toMatch(/new number/);
    const confirmations = await server.app.dataSource.getRepository(CommsLogEntry).find({ where: { employeeId: id, kind: MessageKind.OPT_IN_CONFIRMATION }, order: { id: 'ASC' } });
    expect(confirmations.map((c) => c.recipientPhone)).toEqual(['+14155550161', '+14155550162']);
    const removed = await server.ok(upsert, { input: { id, name: 'New Number', phone: null } }, ws.adminKey);
    expect(removed.upsertEmployee).toEqual({ phone: null, smsOptIn: true });
  });
});
