import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { ScheduleWeek } from '../schedule-week.entity.js';
import { BULK, consentRecordsOf, createEmployee, SAVE_WEEK, saveWeek, SET_OPT_IN, UPSERT } from './employee-fixtures.js';

// The embedded default runs the same set-based SQL (INSERT … SELECT, UPDATE
// with a sub-select, 1/0 booleans, LIKE … ESCAPE) on SQLite.
describe('employees on SQLite (embedded default)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer({ database: 'sqlite' });
    ws = await createTestWorkspace(server, 'Embedded Cafe');
  });
  afterAll(() => server?.stop());

  it('E1/A5/E4/E5/E2: create, schedule, opt in one and then everyone in bulk', async () => {
    const created = await server.ok(UPSERT, { input: { name: 'Ann 50%', phone: '(415) 555-0101' } }, ws.adminKey);
    expect(created.upsertEmployee).toMatchObject({ smsOptIn: false, phone: '+14155550101', carrierLookupStatus: 'PENDING' });
    const ann = created.upsertEmployee.id as string;
    const bob = await createEmployee(server, ws.adminKey, { name: 'Bob', phone: '+14155550102' });
    const dee = await createEmployee(server, ws.adminKey, { name: 'Dee' });

    const annWeek = await server.ok(
      SAVE_WEEK,
      { input: { employeeId: ann, weekStart: '2026-03-02', shifts: [{ startsAt: '2026-03-02T09:00:00.000Z', endsAt: '2026-03-02T17:00:00.000Z' }] } },
      ws.memberKey,
    );
    expect(annWeek.saveScheduleWeek).toMatchObject({ weekStart: '2026-03-02', sendSmsAlert: false });
    expect(annWeek.saveScheduleWeek.shifts).toHaveLength(1);
    const bobWeeks = [await saveWeek(server, ws.memberKey, bob, '2026-03-02'), await saveWeek(server, ws.memberKey, bob, '2026-03-09')];

    const single = await server.ok(SET_OPT_IN, { input: { employeeId: ann, optIn: true, attestation: 'Asked at the counter' } }, ws.adminKey);
    expect(single.setEmployeeSmsOptIn.scheduleWeeks.map((w: { sendSmsAlert: boolean }) => w.sendSmsAlert)).toEqual([true]);

    const search = await server.ok(`{ employees(filter: { search: "0%" }) { nodes { id } } }`, {}, ws.memberKey);
    expect(search.employees.nodes.map((n: { id: string }) => n.id)).toEqual([ann]);

    const bulk = await server.ok(BULK, { input: { filter: {}, optIn: true, attestation: 'Signed forms at onboarding' } }, ws.adminKey);
    expect(bulk.bulkSetEmployeeSmsOptIn).toEqual({ matched: 3, changed: 1, unchanged: 1, skippedNoPhone: 1, weeksAlertEnabled: 2 });
    const weeks = await server.app.dataSource.getRepository(ScheduleWeek).findBy({ employeeId: bob });
    expect(weeks.map((w) => [w.id, w.sendSmsAlert]).sort()).toEqual(bobWeeks.map((id) => [id, true]).sort());

    const records = await consentRecordsOf(server, ws.id);
    expect(records.map((r) => [r.subjectId, r.action, r.source])).toEqual([
      [ann, 'GRANTED', 'ADMIN'],
      [bob, 'GRANTED', 'BULK'],
    ]);
    expect(records[1]).toMatchObject({ phone: '+14155550102', attestation: 'Signed forms at onboarding', subjectType: 'EMPLOYEE' });
    expect(records[1].createdAt).toBeInstanceOf(Date);
    expect(Math.abs(records[1].createdAt.getTime() - Date.now())).toBeLessThan(60_000);

    const out = await server.ok(BULK, { input: { employeeIds: [ann, bob, dee], optIn: false, attestation: 'Client asked to stop all texts' } }, ws.adminKey);
    expect(out.bulkSetEmployeeSmsOptIn).toEqual({ matched: 3, changed: 2, unchanged: 1, skippedNoPhone: 0, weeksAlertEnabled: 0 });
    const page = await server.ok(`{ employees(first: 2) { nodes { name smsOptIn } pageInfo { hasNextPage endCursor } } }`, {}, ws.memberKey);
    expect(page.employees.nodes).toEqual([{ name: 'Ann 50%', smsOptIn: false }, { name: 'Bob', smsOptIn: false }]);
    const rest = await server.ok(`query($after: String) { employees(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage } } }`, { after: page.employees.pageInfo.endCursor }, ws.memberKey);
    expect(rest.employees).toEqual({ nodes: [{ name: 'Dee' }], pageInfo: { hasNextPage: false } });
  });
  it('C3: re-publishing an unchanged week texts nobody unless asked (the stored digests on SQLite)', async () => {
    const publish = `mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { messagesQueued employeesUnchanged } }`;
    const eve = await createEmployee(server, ws.adminKey, { name: 'Eve', phone: '+14155550103' });
    const shifts = [{ startsAt: '2030-03-05T14:00:00.000Z', endsAt: '2030-03-05T20:00:00.000Z' }];
    await server.ok(SAVE_WEEK, { input: { employeeId: eve, weekStart: '2030-03-04', shifts } }, ws.adminKey);
    expect((await server.ok(publish, { input: { weekStart: '2030-03-04' } }, ws.adminKey)).publishSchedule).toEqual({ messagesQueued: 1, employeesUnchanged: 0 });
    expect((await server.ok(publish, { input: { weekStart: '2030-03-04' } }, ws.adminKey)).publishSchedule).toEqual({ messagesQueued: 0, employeesUnchanged: 1 });
    expect((await server.ok(publish, { input: { weekStart: '2030-03-04', audience: 'EVERYONE' } }, ws.adminKey)).publishSchedule).toEqual({ messagesQueued: 1, employeesUnchanged: 0 });
  });
  it('E2: upsertEmployees creates and updates in one statement (ON CONFLICT), per-row errors, and answers a retry from the stored result', async () => {
    const imported = `mutation($input: UpsertEmployeesInput!) { upsertEmployees(input: $input) { importId created updated unchanged failed consentRecords rows { status field employeeId } } }`;
    const fay = await createEmployee(server, ws.adminKey, { name: 'Fay', email: 'fay@example.com' });
    const input = {
      employees: [{ name: 'Fay Updated', email: 'FAY@example.com', phone: '415 555 0111', smsOptIn: true }, { name: 'Gus', phone: 'nope' }, { name: 'Hal', phone: '+14155550112' }],
      attestation: 'Signed forms at onboarding',
      idempotencyKey: 'sqlite-import',
    };
    const first = (await server.ok(imported, { input }, ws.adminKey)).upsertEmployees;
    expect(first).toMatchObject({ created: 1, updated: 1, unchanged: 0, failed: 1, consentRecords: 1 });
    expect(first.rows.map((r: { status: string; field: string | null }) => [r.status, r.field])).toEqual([['UPDATED', null], ['FAILED', 'phone'], ['CREATED', null]]);
    expect((await server.ok(imported, { input }, ws.adminKey)).upsertEmployees).toEqual(first);
    const stored = await server.ok(`query($id: ID!) { employee(id: $id) { name phone smsOptIn } }`, { id: fay }, ws.adminKey);
    expect(stored.employee).toEqual({ name: 'Fay Updated', phone: '+14155550111', smsOptIn: true });
  });
});
