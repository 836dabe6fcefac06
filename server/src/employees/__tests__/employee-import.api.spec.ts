import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../../comms-log/comms-log.enums.js';
import { Employee } from '../employee.entity.js';
import { ScheduleWeek } from '../schedule-week.entity.js';
import { consentRecordsOf, createEmployee, saveWeek, snapshot } from './employee-fixtures.js';

const IMPORT = `mutation($input: UpsertEmployeesInput!) {
  upsertEmployees(input: $input) {
    importId created updated unchanged failed consentRecords
    rows { index status employeeId field code message }
  }
}`;
const STATEMENT = 'Signed SMS consent forms collected at onboarding';

describe('upsertEmployees: bulk import of people (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    // Data side only: carrier look-ups and confirmations stay queued, so rows compare as written.
    server = await startTestServer({ worker: false });
    ws = await createTestWorkspace(server, 'Import Co');
  });
  afterAll(() => server?.stop());

  const stored = (id: string) => server.app.dataSource.getRepository(Employee).findOneByOrFail({ id });

  it('E2/A5: valid rows are created or updated while bad rows fail alone with a typed error on their field', async () => {
    const existing = await createEmployee(server, ws.adminKey, { name: 'Old Name', email: 'kim@example.com', phone: '+14155550201' });
    const before = await snapshot(server, ws.id);
    const data = await server.ok(
      IMPORT,
      {
        input: {
          employees: [
            { name: 'Ana New', phone: '(415) 555-0202', email: 'ana@example.com' },
            { name: 'Kim Renamed', email: 'KIM@example.com' },
            { name: 'Bad Phone', phone: '555-01' },
            { name: 'Bad Email', email: 'not-an-email' },
            { name: 'Opted In', phone: '+14155550203', smsOptIn: true, attestation: 'Texted YES to the onboarding number' },
            { name: 'No Statement', phone: '+14155550204', smsOptIn: true },
            { name: 'Ana Again', email: 'ana@example.com' },
            { id: 'no-such-employee', name: 'Ghost' },
            { name: 'Bad Zone', timeZone: 'Mars/Olympus' },
            { name: '   ' },
          ],
        },
      },
      ws.adminKey,
    );
    const result = data.upsertEmployees;
    expect(result).toMatchObject({ created: 2, updated: 1, unchanged: 0, failed: 7, consentRecords: 1 });
    expect(result.rows.map((r: { index: number; status: string; field: string | null; code: string | null }) => [r.index, r.status, r.field, r.code])).toEqual([
      [0, 'CREATED', null, null],
      [1, 'UPDATED', null, null],
      [2, 'FAILED', 'phone', 'BAD_USER_INPUT'],
      [3, 'FAILED', 'email', 'BAD_USER_INPUT'],
      [4, 'CREATED', null, null],
      [5, 'FAILED', 'attestation', 'BAD_USER_INPUT'],
      [6, 'FAILED', 'email', 'CONFLICT'],
      [7, 'FAILED', 'id', 'NOT_FOUND'],
      [8, 'FAILED', 'timeZone', 'BAD_USER_INPUT'],
      [9, 'FAILED', 'name', 'BAD_USER_INPUT'],
    ]);
    expect(result.rows[2].message).toMatch(/not a valid phone number/);
    expect(result.rows[6].message).toBe('Row 1 is the same employee');

    expect(result.rows[1].employeeId).toBe(existing);
    // Matched by email in any case; the row's spelling is what is stored.
    expect(await stored(existing)).toMatchObject({ name: 'Kim Renamed', email: 'KIM@example.com', phone: '+14155550201' });
    expect(await stored(result.rows[0].employeeId)).toMatchObject({ name: 'Ana New', phone: '+14155550202', smsOptIn: false, carrierLookupStatus: 'PENDING' });
    expect(await stored(result.rows[4].employeeId)).toMatchObject({ smsOptIn: true, phone: '+14155550203' });
    // Failed rows stored nothing: two new employees, one consent record.
    const after = await snapshot(server, ws.id);
    expect(after.employees).toHaveLength(before.employees.length + 2);
    expect(after.consentRecords.slice(before.consentRecords.length).map((r) => [r.subjectId, r.action, r.source, r.attestation, r.phone])).toEqual([
      [result.rows[4].employeeId, 'GRANTED', 'BULK', 'Texted YES to the onboarding number', '+14155550203'],
    ]);
  });

  it('E2/E5/K9: an opt-in change is a consent record with the statement, turns on existing weeks and queues one confirmation; an opt-out is REVOKED', async () => {
    const joe = await createEmployee(server, ws.adminKey, { name: 'Joe', phone: '+14155550211' });
    const week = await saveWeek(server, ws.adminKey, joe, '2030-03-04');
    const sue = await createEmployee(server, ws.adminKey, { name: 'Sue', phone: '+14155550212' });
    await server.ok(IMPORT, { input: { employees: [{ id: sue, name: 'Sue', smsOptIn: true }], attestation: STATEMENT } }, ws.adminKey);

    const data = await server.ok(IMPORT, { input: { employees: [{ id: joe, name: 'Joe', smsOptIn: true }, { id: sue, name: 'Sue', smsOptIn: false }], attestation: STATEMENT } }, ws.adminKey);
    expect(data.upsertEmployees).toMatchObject({ updated: 2, consentRecords: 2 });
    expect((await server.app.dataSource.getRepository(ScheduleWeek).findOneByOrFail({ id: week })).sendSmsAlert).toBe(true);
    expect((await consentRecordsOf(server, ws.id, joe)).map((r) => [r.action, r.source, r.attestation])).toEqual([['GRANTED', 'BULK', STATEMENT]]);
    expect((await consentRecordsOf(server, ws.id, sue)).map((r) => [r.action, r.source])).toEqual([
      ['GRANTED', 'BULK'],
      ['REVOKED', 'BULK'],
    ]);
    const confirmations = await server.app.dataSource.getRepository(CommsLogEntry).findBy({ employeeId: joe, kind: MessageKind.OPT_IN_CONFIRMATION });
    expect(confirmations.map((c) => c.recipientPhone)).toEqual(['+14155550211']);
  });

  it('idempotent: a retry with the same key answers the first result and changes nothing; the same rows again are UNCHANGED', async () => {
    const input = { employees: [{ name: 'Retry Rae', phone: '+14155550221', smsOptIn: true }, { name: 'Retry Ray', email: 'ray@example.com' }], attestation: STATEMENT, idempotencyKey: 'import-2030-03-01' };
    const first = (await server.ok(IMPORT, { input }, ws.adminKey)).upsertEmployees;
    const before = await snapshot(server, ws.id);
    const retry = (await server.ok(IMPORT, { input }, ws.adminKey)).upsertEmployees;
    expect(retry).toEqual(first);
    expect(await snapshot(server, ws.id)).toEqual(before);
    expect(errorCodes(await server.gql(IMPORT, { input: { ...input, employees: input.employees.slice(1) } }, ws.adminKey))).toEqual(['IDEMPOTENCY_KEY_REUSED']);

    // Without a key, the same rows match what they created and change nothing.
    const again = (await server.ok(IMPORT, { input: { employees: input.employees, attestation: STATEMENT } }, ws.adminKey)).upsertEmployees;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0, consentRecords: 0 });
    expect(again.rows.map((r: { employeeId: string }) => r.employeeId)).toEqual(first.rows.map((r: { employeeId: string }) => r.employeeId));
    expect((await snapshot(server, ws.id)).consentRecords).toEqual(before.consentRecords);
  });

  it('set-based: 1,000 rows cost a fixed handful of statements, not one per row', async () => {
    const big = await createTestWorkspace(server, 'Thousand Co');
    const employees = Array.from({ length: 1000 }, (_, i) => ({ name: `Crew ${i}`, phone: `+1415556${String(i).padStart(4, '0')}`, smsOptIn: i % 2 === 0 }));
    server.app.queryCounter.count = 0;
    const data = await server.ok(IMPORT, { input: { employees, attestation: STATEMENT } }, big.adminKey);
    expect(data.upsertEmployees).toMatchObject({ created: 1000, failed: 0, consentRecords: 500 });
    // Key look-up, idempotency bookkeeping, one SELECT, two upserts, one consent INSERT, one confirmation INSERT … SELECT, the import record.
    expect(server.app.queryCounter.count).toBeLessThanOrEqual(16);
    expect(await server.app.dataSource.getRepository(Employee).countBy({ workspaceId: big.id, smsOptIn: true })).toBe(500);
    expect(await server.app.dataSource.getRepository(CommsLogEntry).countBy({ workspaceId: big.id, kind: MessageKind.OPT_IN_CONFIRMATION })).toBe(500);
  });

  it('A1/A6: a MEMBER is FORBIDDEN, and more than 1,000 rows or a short statement are refused whole; nothing is stored', async () => {
    const before = await snapshot(server, ws.id);
    const one = [{ name: 'Member Made' }];
    expect(errorCodes(await server.gql(IMPORT, { input: { employees: one } }, ws.memberKey))).toEqual(['FORBIDDEN']);
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ name: `Too Many ${i}` }));
    expect(errorCodes(await server.gql(IMPORT, { input: { employees: tooMany } }, ws.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.gql(IMPORT, { input: { employees: [] } }, ws.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.gql(IMPORT, { input: { employees: one, attestation: 'ok' } }, ws.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.gql(IMPORT, { input: { employees: [{ name: 'Typed', smsOptIn: 'yes' }] } }, ws.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot(server, ws.id)).toEqual(before);
  });

  it("A2: another workspace's employee id is NOT_FOUND for its row and is left as it is", async () => {
    const other = await createTestWorkspace(server, 'Elsewhere');
    const theirs = await createEmployee(server, other.adminKey, { name: 'Theirs', email: 'same@example.com' });
    const data = await server.ok(IMPORT, { input: { employees: [{ id: theirs, name: 'Hijacked' }, { name: 'Mine', email: 'same@example.com' }] } }, ws.adminKey);
    expect(data.upsertEmployees.rows.map((r: { status: string; code: string | null }) => [r.status, r.code])).toEqual([
      ['FAILED', 'NOT_FOUND'],
      ['CREATED', null],
    ]);
    expect(await stored(theirs)).toMatchObject({ name: 'Theirs', workspaceId: other.id });
  });
});
