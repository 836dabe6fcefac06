import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { Employee } from '../employee.entity.js';
import { ScheduleWeek } from '../schedule-week.entity.js';
import { BULK, consentRecordsOf, createEmployee, optIn, saveWeek, seedEmployees, snapshot } from './employee-fixtures.js';

const ATTESTATION = 'Signed paper forms collected at onboarding, March 2026';

describe('bulk employee SMS opt-in (MariaDB)', () => {
  let server: TestServer;
  let other: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    other = await createTestWorkspace(server, 'Other Org');
  });
  afterAll(() => server?.stop());

  // A fresh workspace per test: three with phones (one already opted in), one without.
  async function team() {
    const ws = await createTestWorkspace(server, 'Bulk Co');
    const ann = await createEmployee(server, ws.adminKey, { name: 'Ann', phone: '+14155550101' });
    const bob = await createEmployee(server, ws.adminKey, { name: 'Bob', phone: '+14155550102' });
    const cy = await createEmployee(server, ws.adminKey, { name: 'Cy', phone: '+14155550103' });
    const dee = await createEmployee(server, ws.adminKey, { name: 'Dee' });
    await optIn(server, ws.adminKey, cy);
    const weeks = {
      ann: [await saveWeek(server, ws.adminKey, ann, '2026-03-02'), await saveWeek(server, ws.adminKey, ann, '2026-03-09')],
      bob: [await saveWeek(server, ws.adminKey, bob, '2026-03-02', false)],
      dee: [await saveWeek(server, ws.adminKey, dee, '2026-03-02')],
    };
    return { ws, ann, bob, cy, dee, weeks };
  }

  const optedIn = async (workspaceId: string) =>
    (await server.app.dataSource.getRepository(Employee).find({ where: { workspaceId, smsOptIn: true }, order: { name: 'ASC' } })).map((e) => e.name);
  const alertsOn = async (ids: string[]) =>
    Promise.all(ids.map(async (id) => (await server.app.dataSource.getRepository(ScheduleWeek).findOneByOrFail({ id })).sendSmsAlert));

  it('E2/E5: bulk opt-in by ids counts right, writes one BULK record per changed employee and turns their weeks on', async () => {
    const t = await team();
    const recordsBefore = (await consentRecordsOf(server, t.ws.id)).length;
    const data = await server.ok(BULK, { input: { employeeIds: [t.ann, t.bob, t.cy, t.dee], optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
    expect(data.bulkSetEmployeeSmsOptIn).toEqual({ matched: 4, changed: 2, unchanged: 1, skippedNoPhone: 1, weeksAlertEnabled: 3 });
    expect(await optedIn(t.ws.id)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(await alertsOn([...t.weeks.ann, ...t.weeks.bob])).toEqual([true, true, true]);
    // Dee has no phone and stays opted out, so her week is untouched.
    expect(await alertsOn(t.weeks.dee)).toEqual([false]);

    const records = (await consentRecordsOf(server, t.ws.id)).slice(recordsBefore);
    expect(records).toHaveLength(2);
    const admin = (await server.ok(`{ apiKeys { id role } }`, {}, t.ws.adminKey)).apiKeys.find((k: { role: string }) => k.role === 'ADMIN');
    expect(records.map((r) => r.subjectId).sort()).toEqual([t.ann, t.bob].sort());
    for (const record of records) {
      expect(record).toMatchObject({
        workspaceId: t.ws.id,
        subjectType: 'EMPLOYEE',
        action: 'GRANTED',
        source: 'BULK',
        attestation: ATTESTATION,
        actorApiKeyId: admin.id,
      });
      expect(record.phone).toBe(record.subjectId === t.ann ? '+14155550101' : '+14155550102');
      expect(record.actorLabel).toBeTruthy();
      expect(record.ipAddress).toMatch(/127\.0\.0\.1/);
      expect(Math.abs(record.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('E2: bulk opt-in by filter { hasPhone: true } changes only employees with a phone', async () => {
    const t = await team();
    const data = await server.ok(BULK, { input: { filter: { hasPhone: true }, optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
    expect(data.bulkSetEmployeeSmsOptIn).toEqual({ matched: 3, changed: 2, unchanged: 1, skippedNoPhone: 0, weeksAlertEnabled: 3 });
    expect(await optedIn(t.ws.id)).toEqual(['Ann', 'Bob', 'Cy']);
    expect((await consentRecordsOf(server, t.ws.id)).filter((r) => r.source === 'BULK')).toHaveLength(2);
  });

  it('E2: bulk opt-out by filter writes REVOKED records and leaves weeks as they are', async () => {
    const t = await team();
    const data = await server.ok(BULK, { input: { filter: {}, optIn: false, attestation: 'Client asked to stop all texts' } }, t.ws.adminKey);
    expect(data.bulkSetEmployeeSmsOptIn).toEqual({ matched: 4, changed: 1, unchanged: 3, skippedNoPhone: 0, weeksAlertEnabled: 0 });
    expect(await optedIn(t.ws.id)).toEqual([]);
    const bulk = (await consentRecordsOf(server, t.ws.id)).filter((r) => r.source === 'BULK');
    expect(bulk.map((r) => [r.subjectId, r.action])).toEqual([[t.cy, 'REVOKED']]);
  });

  it('E2: a bulk run that changes nobody writes nothing', async () => {
    const t = await team();
    const before = await snapshot(server, t.ws.id);
    const data = await server.ok(BULK, { input: { employeeIds: [t.cy], optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
    expect(data.bulkSetEmployeeSmsOptIn).toEqual({ matched: 1, changed: 0, unchanged: 1, skippedNoPhone: 0, weeksAlertEnabled: 0 });
    expect(await snapshot(server, t.ws.id)).toEqual(before);
  });

  it('E2/E5: bulk opt-in by more than 1,000 ids works in chunks inside one call', async () => {
    const ws = await createTestWorkspace(server, 'Big Co');
    const ids = await seedEmployees(server, ws.id, 2100);
    const data = await server.ok(BULK, { input: { employeeIds: ids, optIn: true, attestation: ATTESTATION } }, ws.adminKey);
    expect(data.bulkSetEmployeeSmsOptIn).toEqual({ matched: 2100, changed: 2100, unchanged: 0, skippedNoPhone: 0, weeksAlertEnabled: 0 });
    expect(await server.app.dataSource.getRepository(Employee).countBy({ workspaceId: ws.id, smsOptIn: true })).toBe(2100);
    expect(await consentRecordsOf(server, ws.id).then((r) => r.length)).toBe(2100);
  });

  it('E5: bulk opt-in is set-based: a fixed handful of statements, not one per employee', async () => {
    const ws = await createTestWorkspace(server, 'Counted Co');
    await seedEmployees(server, ws.id, 300);
    server.app.queryCounter.count = 0;
    await server.ok(BULK, { input: { filter: { hasPhone: true }, optIn: true, attestation: ATTESTATION } }, ws.adminKey);
    // Key look-up and transaction bookkeeping, then count, INSERT … SELECT, two UPDATEs.
    expect(server.app.queryCounter.count).toBeLessThanOrEqual(10);
  });

  it('A1: a MEMBER gets FORBIDDEN and nothing changes', async () => {
    const t = await team();
    const before = await snapshot(server, t.ws.id);
    const result = await server.gql(BULK, { input: { filter: {}, optIn: true, attestation: ATTESTATION } }, t.ws.memberKey);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await snapshot(server, t.ws.id)).toEqual(before);
  });

  it('E2: a missing or too-short attestation is refused and nothing changes', async () => {
    const t = await team();
    const before = await snapshot(server, t.ws.id);
    const missing = await server.gql(BULK, { input: { filter: {}, optIn: true } }, t.ws.adminKey);
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    const short = await server.gql(BULK, { input: { filter: {}, optIn: true, attestation: 'ok' } }, t.ws.adminKey);
    expect(errorCodes(short)).toEqual(['BAD_USER_INPUT']);
    expect(short.errors?.[0].extensions?.field).toBe('attestation');
    const blank = await server.gql(BULK, { input: { filter: {}, optIn: true, attestation: ' '.repeat(12) } }, t.ws.adminKey);
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot(server, t.ws.id)).toEqual(before);
  });

  it('A6: bulk needs exactly one of employeeIds and filter; both or neither is a field error and nothing changes', async () => {
    const t = await team();
    const before = await snapshot(server, t.ws.id);
    const both = await server.gql(BULK, { input: { employeeIds: [t.ann], filter: {}, optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    expect(both.errors?.[0].extensions?.field).toBe('employeeIds');
    const neither = await server.gql(BULK, { input: { optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
    expect(errorCodes(neither)).toEqual(['BAD_USER_INPUT']);
    expect(neither.errors?.[0].extensions?.field).toBe('employeeIds');
    expect(await snapshot(server, t.ws.id)).toEqual(before);
  });

  it('A2: a foreign or unknown id among employeeIds answers NOT_FOUND and nothing changes in either workspace', async () => {
    const t = await team();
    const foreign = await createEmployee(server, other.adminKey, { name: 'Foreign', phone: '+14155550199' });
    const before = await snapshot(server, t.ws.id);
    const otherBefore = await snapshot(server, other.id);
    const withForeign = await server.gql(BULK, { input: { employeeIds: [t.ann, foreign], optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
    expect(errorCodes(withForeign)).toEqual(['NOT_FOUND']);
    const withUnknown = await server.gql(BULK, { input: { employeeIds: [t.bob, 'no-such-employee'], optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
    expect(errorCodes(withUnknown)).toEqual(['NOT_FOUND']);
    expect(await snapshot(server, t.ws.id)).toEqual(before);
    expect(await snapshot(server, other.id)).toEqual(otherBefore);
  });

  it('A2: bulk by filter never reaches another workspace', async () => {
    const t = await team();
    const foreign = await createEmployee(server, other.adminKey, { name: 'Far Away', phone: '+14155550188' });
    const otherBefore = await snapshot(server, other.id);
    await server.ok(BULK, { input: { filter: { ids: [foreign, t.ann] }, optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
    expect(await optedIn(t.ws.id)).toEqual(['Ann', 'Cy']);
    expect(await snapshot(server, other.id)).toEqual(otherBefore);
  });

  describe('bulkSmsOptInPreview', () => {
    const PREVIEW = `query($input: BulkSmsOptInScopeInput!) { bulkSmsOptInPreview(input: $input) { matched changed unchanged skippedNoPhone } }`;

    it('E2: counts what the bulk change would do, exactly as it then does, and changes nothing', async () => {
      const t = await team();
      const before = await snapshot(server, t.ws.id);
      const byFilter = await server.ok(PREVIEW, { input: { filter: {}, optIn: true } }, t.ws.adminKey);
      expect(byFilter.bulkSmsOptInPreview).toEqual({ matched: 4, changed: 2, unchanged: 1, skippedNoPhone: 1 });
      const byIds = await server.ok(PREVIEW, { input: { employeeIds: [t.cy, t.dee], optIn: false } }, t.ws.adminKey);
      expect(byIds.bulkSmsOptInPreview).toEqual({ matched: 2, changed: 1, unchanged: 1, skippedNoPhone: 0 });
      expect(await snapshot(server, t.ws.id)).toEqual(before);
      const done = await server.ok(BULK, { input: { filter: {}, optIn: true, attestation: ATTESTATION } }, t.ws.adminKey);
      expect(done.bulkSetEmployeeSmsOptIn).toMatchObject(byFilter.bulkSmsOptInPreview);
    });

    it('A1/A2: a MEMBER gets FORBIDDEN; a foreign id is NOT_FOUND; a scope must be exactly one of ids and filter', async () => {
      const t = await team();
      const foreign = await createEmployee(server, other.adminKey, { name: 'Zed', phone: '+14155550199' });
      expect(errorCodes(await server.gql(PREVIEW, { input: { filter: {}, optIn: true } }, t.ws.memberKey))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await server.gql(PREVIEW, { input: { employeeIds: [t.ann, foreign], optIn: true } }, t.ws.adminKey))).toEqual(['NOT_FOUND']);
      const both = await server.gql(PREVIEW, { input: { employeeIds: [t.ann], filter: {}, optIn: true } }, t.ws.adminKey);
      expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
      expect(both.errors?.[0].extensions?.field).toBe('employeeIds');
    });
  });
});
