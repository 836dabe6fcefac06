import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { ScheduleWeek } from '../schedule-week.entity.js';
import { createEmployee, optIn, SAVE_WEEK, saveWeek, snapshot } from './employee-fixtures.js';

const SET_ALERT = `mutation($weekId: ID!, $enabled: Boolean!) { setWeekSmsAlert(weekId: $weekId, enabled: $enabled) { id sendSmsAlert } }`;
const CREATE_TIME_OFF = `mutation($input: CreateTimeOffRequestInput!) {
  createTimeOffRequest(input: $input) { id employeeId startsOn endsOn reason status employee { id name } }
}`;

describe('schedule weeks, shifts and time off (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let optedIn: string;
  let optedOut: string;
  beforeAll(async () => {
    // Data side only: no worker, so background carrier look-ups do not change the rows it compares.
    server = await startTestServer({ worker: false });
    ws = await createTestWorkspace(server, 'Timely Cafe');
    other = await createTestWorkspace(server, 'Other Org');
    optedIn = await createEmployee(server, ws.adminKey, { name: 'Opted In', phone: '+14155550101' });
    optedOut = await createEmployee(server, ws.adminKey, { name: 'Opted Out', phone: '+14155550102' });
    await optIn(server, ws.adminKey, optedIn);
  });
  afterAll(() => server?.stop());

  const alertOf = async (id: string) => (await server.app.dataSource.getRepository(ScheduleWeek).findOneByOrFail({ id })).sendSmsAlert;

  it("E4: a new week's Send SMS Alert defaults to the employee's smsOptIn (on when opted in)", async () => {
    expect(await alertOf(await saveWeek(server, ws.memberKey, optedIn, '2026-04-06'))).toBe(true);
  });

  it("E4: a new week's Send SMS Alert defaults to the employee's smsOptIn (off when opted out)", async () => {
    expect(await alertOf(await saveWeek(server, ws.memberKey, optedOut, '2026-04-06'))).toBe(false);
  });

  it('E4: a new week takes an explicit sendSmsAlert over the default', async () => {
    expect(await alertOf(await saveWeek(server, ws.memberKey, optedIn, '2026-04-13', false))).toBe(false);
    expect(await alertOf(await saveWeek(server, ws.memberKey, optedOut, '2026-04-13', true))).toBe(true);
  });

  it('E4: a saved week the manager turned off stays off when saved again without sendSmsAlert', async () => {
    const weekId = await saveWeek(server, ws.memberKey, optedIn, '2026-04-20');
    await server.ok(SET_ALERT, { weekId, enabled: false }, ws.memberKey);
    const again = await saveWeek(server, ws.memberKey, optedIn, '2026-04-20');
    expect(again).toBe(weekId);
    expect(await alertOf(weekId)).toBe(false);
    // And one turned on stays on for an opted-out employee.
    const onWeek = await saveWeek(server, ws.memberKey, optedOut, '2026-04-20', true);
    await saveWeek(server, ws.memberKey, optedOut, '2026-04-20');
    expect(await alertOf(onWeek)).toBe(true);
  });

  it('saveScheduleWeek upserts by (employee, weekStart) and replaces the shifts', async () => {
    const shifts = [
      { startsAt: '2026-04-27T09:00:00.000Z', endsAt: '2026-04-27T17:00:00.000Z', note: 'Open' },
      { startsAt: '2026-04-28T09:00:00.000Z', endsAt: '2026-04-28T17:00:00.000Z' },
    ];
    const first = await server.ok(SAVE_WEEK, { input: { employeeId: optedOut, weekStart: '2026-04-27', shifts } }, ws.memberKey);
    expect(first.saveScheduleWeek.shifts.map((s: { startsAt: string; note: string | null }) => [s.startsAt, s.note])).toEqual([
      ['2026-04-27T09:00:00.000Z', 'Open'],
      ['2026-04-28T09:00:00.000Z', null],
    ]);
    const second = await server.ok(
      SAVE_WEEK,
      { input: { employeeId: optedOut, weekStart: '2026-04-27', shifts: [{ startsAt: '2026-05-01T12:00:00.000Z', endsAt: '2026-05-01T20:00:00.000Z' }] } },
      ws.memberKey,
    );
    expect(second.saveScheduleWeek.id).toBe(first.saveScheduleWeek.id);
    expect(second.saveScheduleWeek.shifts.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2026-05-01T12:00:00.000Z']);
    const stored = await snapshot(server, ws.id);
    expect(stored.shifts.filter((s) => s.scheduleWeekId === first.saveScheduleWeek.id)).toHaveLength(1);
    expect(stored.weeks.filter((w) => w.employeeId === optedOut && w.weekStart === '2026-04-27')).toHaveLength(1);
  });

  it('T1: weeks start on Monday in the workspace\'s zone: a Sunday-evening Los Angeles shift belongs to its week there, not in UTC', async () => {
    // Sunday 17:00-22:00 in Los Angeles is Monday 00:00-05:00 UTC of the next week.
    const input = { employeeId: optedOut, weekStart: '2026-05-04', shifts: [{ startsAt: '2026-05-11T00:00:00.000Z', endsAt: '2026-05-11T05:00:00.000Z' }] };
    const inUtc = await server.gql(SAVE_WEEK, { input }, ws.memberKey);
    expect(inUtc.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shifts.0.startsAt' });
    await server.ok(`mutation { updateWorkspaceSettings(input: { timeZone: "America/Los_Angeles" }) { timeZone } }`, {}, ws.adminKey);
    try {
      const inLosAngeles = await server.gql(SAVE_WEEK, { input }, ws.memberKey);
      expect(inLosAngeles.errors).toBeUndefined();
    } finally {
      await server.ok(`mutation { updateWorkspaceSettings(input: { timeZone: "UTC" }) { timeZone } }`, {}, ws.adminKey);
    }
  });

  it.each([
    ['weekStart is not a Monday', { weekStart: '2026-05-05' }, 'weekStart'],
    ['weekStart is not a date', { weekStart: '2026-02-30' }, 'weekStart'],
    ['weekStart has the wrong form', { weekStart: '05/04/2026' }, 'weekStart'],
    ['a shift ends before it starts', { shifts: [{ startsAt: '2026-05-05T17:00:00Z', endsAt: '2026-05-05T09:00:00Z' }] }, 'shifts.0.endsAt'],
    ['a shift falls in another week', { shifts: [{ startsAt: '2026-05-20T09:00:00Z', endsAt: '2026-05-20T17:00:00Z' }] }, 'shifts.0.startsAt'],
    [
      'more than 14 shifts',
      { shifts: Array.from({ length: 15 }, (_, i) => ({ startsAt: `2026-05-0${4 + (i % 5)}T0${i % 10}:00:00Z`, endsAt: `2026-05-0${4 + (i % 5)}T0${i % 10}:30:00Z` })) },
      'shifts',
    ],
  ])('A6: saveScheduleWeek refuses bad input (%s) and nothing changes', async (_case, change, field) => {
    const existing = await saveWeek(server, ws.memberKey, optedIn, '2026-05-04');
    const before = await snapshot(server, ws.id);
    const result = await server.gql(SAVE_WEEK, { input: { employeeId: optedIn, weekStart: '2026-05-04', shifts: [], ...change } }, ws.memberKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe(field);
    expect(await snapshot(server, ws.id)).toEqual(before);
    expect(before.weeks.some((w) => w.id === existing)).toBe(true);
  });

  it('A2: saving a week for another workspace\'s employee answers NOT_FOUND and nothing changes', async () => {
    const foreign = await createEmployee(server, other.adminKey, { name: 'Foreign', phone: '+14155550177' });
    const foreignWeek = await saveWeek(server, other.adminKey, foreign, '2026-04-06');
    const before = await snapshot(server, other.id);
    const save = await server.gql(SAVE_WEEK, { input: { employeeId: foreign, weekStart: '2026-04-06', sendSmsAlert: true, shifts: [] } }, ws.adminKey);
    expect(errorCodes(save)).toEqual(['NOT_FOUND']);
    const toggle = await server.gql(SET_ALERT, { weekId: foreignWeek, enabled: true }, ws.adminKey);
    expect(errorCodes(toggle)).toEqual(['NOT_FOUND']);
    const list = await server.ok(`query($id: ID) { scheduleWeeks(filter: { employeeId: $id }) { nodes { id } } }`, { id: foreign }, ws.adminKey);
    expect(list.scheduleWeeks.nodes).toEqual([]);
    expect(await snapshot(server, other.id)).toEqual(before);
  });

  it('scheduleWeeks filters by employee, week and published, ordered by week', async () => {
    const fw = await createTestWorkspace(server, 'Weeks Co');
    const a = await createEmployee(server, fw.adminKey, { name: 'A' });
    const b = await createEmployee(server, fw.adminKey, { name: 'B' });
    const a2 = await saveWeek(server, fw.adminKey, a, '2026-03-09');
    const a1 = await saveWeek(server, fw.adminKey, a, '2026-03-02');
    const b1 = await saveWeek(server, fw.adminKey, b, '2026-03-02');
    await server.app.dataSource.getRepository(ScheduleWeek).update({ id: a1 }, { publishedAt: new Date() });
    const q = `query($filter: ScheduleWeekFilter) { scheduleWeeks(filter: $filter) { nodes { id employee { name } } } }`;
    const ids = async (filter: object) => (await server.ok(q, { filter }, fw.memberKey)).scheduleWeeks.nodes.map((n: { id: string }) => n.id);
    expect(await ids({ employeeId: a })).toEqual([a1, a2]);
    expect(await ids({ weekStart: '2026-03-02' })).toEqual([a1, b1].sort());
    expect(await ids({ published: true })).toEqual([a1]);
    expect(await ids({ published: false })).toEqual([...[a1, b1].filter((id) => id !== a1), a2]);
    const bad = await server.gql(q, { filter: { weekStart: 'soon' } }, fw.memberKey);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  describe('time off', () => {
    it('createTimeOffRequest stores a PENDING request and timeOffRequests lists it', async () => {
      const data = await server.ok(CREATE_TIME_OFF, { input: { employeeId: optedOut, startsOn: '2026-06-01', endsOn: '2026-06-03', reason: 'Wedding' } }, ws.memberKey);
      expect(data.createTimeOffRequest).toMatchObject({ employeeId: optedOut, startsOn: '2026-06-01', endsOn: '2026-06-03', reason: 'Wedding', status: 'PENDING', employee: { id: optedOut, name: 'Opted Out' } });
      const list = await server.ok(`query($f: TimeOffRequestFilter) { timeOffRequests(filter: $f) { nodes { id status } } }`, { f: { employeeId: optedOut, status: 'PENDING' } }, ws.memberKey);
      expect(list.timeOffRequests.nodes.map((n: { id: string }) => n.id)).toContain(data.createTimeOffRequest.id);
      const approved = await server.ok(`{ timeOffRequests(filter: { status: APPROVED }) { nodes { id } } }`, {}, ws.memberKey);
      expect(approved.timeOffRequests.nodes).toEqual([]);
    });

    it('createTimeOffRequest with the same idempotencyKey creates one request', async () => {
      const input = { employeeId: optedIn, startsOn: '2026-07-01', endsOn: '2026-07-01', idempotencyKey: 'pto-7' };
      const first = await server.ok(CREATE_TIME_OFF, { input }, ws.memberKey);
      const retry = await server.ok(CREATE_TIME_OFF, { input }, ws.memberKey);
      expect(retry.createTimeOffRequest.id).toBe(first.createTimeOffRequest.id);
      expect((await snapshot(server, ws.id)).timeOff.filter((t) => t.startsOn === '2026-07-01')).toHaveLength(1);
    });

    it.each([
      ['ends before it starts', { startsOn: '2026-06-05', endsOn: '2026-06-04' }, 'BAD_USER_INPUT'],
      ['a bad date', { startsOn: '2026-13-01', endsOn: '2026-13-02' }, 'BAD_USER_INPUT'],
      ['an unknown status filter value', null, 'BAD_USER_INPUT'],
    ])('A6: createTimeOffRequest refuses %s and nothing is stored', async (_case, dates, code) => {
      const before = await snapshot(server, ws.id);
      const result = dates
        ? await server.gql(CREATE_TIME_OFF, { input: { employeeId: optedIn, ...dates } }, ws.memberKey)
        : await server.gql(`query($f: TimeOffRequestFilter) { timeOffRequests(filter: $f) { nodes { id } } }`, { f: { status: 'MAYBE' } }, ws.memberKey);
      expect(errorCodes(result)).toEqual([code]);
      expect(await snapshot(server, ws.id)).toEqual(before);
    });

    it('A2: time off for another workspace\'s employee answers NOT_FOUND and nothing is stored', async () => {
      const foreign = await createEmployee(server, other.adminKey, { name: 'Foreign Two' });
      const before = await snapshot(server, other.id);
      const result = await server.gql(CREATE_TIME_OFF, { input: { employeeId: foreign, startsOn: '2026-06-01', endsOn: '2026-06-01' } }, ws.memberKey);
      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
      expect(await snapshot(server, other.id)).toEqual(before);
      expect((await snapshot(server, ws.id)).timeOff.some((t) => t.employeeId === foreign)).toBe(false);
    });
  });
});
