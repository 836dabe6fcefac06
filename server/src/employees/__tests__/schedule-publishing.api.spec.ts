import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../../comms-log/comms-log.enums.js';
import { recordPendingFanOuts } from '../../../test/sending.js';
import { createEmployee, optIn, SAVE_WEEK } from './employee-fixtures.js';

const PUBLISH = `mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { weeksPublished messagesQueued employeesUnchanged } }`;
const PREVIEW = `query($weekStart: String!) { schedulePublishPreview(weekStart: $weekStart) { weekStart weeks changed everyone } }`;

// A Monday far ahead, so no test depends on today's weekday.
const WEEK = '2030-03-04';
const at = (day: number, hour: number) => new Date(Date.UTC(2030, 2, 4 + day, hour)).toISOString();
const shift = (day: number, from = 14, to = 20) => ({ startsAt: at(day, from), endsAt: at(day, to) });

describe('C3: re-publishing a week (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  beforeAll(async () => {
    // Data side only: texts are recorded QUEUED and counted, none is sent.
    server = await startTestServer({ worker: false });
    ws = await createTestWorkspace(server, 'Timely Cafe', { smsEnabled: true });
    other = await createTestWorkspace(server, 'Other Org');
  });
  afterAll(() => server?.stop());

  let seq = 0;
  async function employeeWith(shifts: { startsAt: string; endsAt: string; note?: string }[], weekStart = WEEK, key = ws.adminKey): Promise<string> {
    const id = await createEmployee(server, key, { name: `Crew ${++seq}`, phone: `+1415555${String(1000 + seq)}` });
    await optIn(server, key, id);
    await server.ok(SAVE_WEEK, { input: { employeeId: id, weekStart, shifts } }, key);
    return id;
  }
  const replan = (id: string, shifts: { startsAt: string; endsAt: string; note?: string }[], weekStart = WEEK) =>
    server.ok(SAVE_WEEK, { input: { employeeId: id, weekStart, shifts } }, ws.adminKey);
  const textsTo = async (ids: string[]) => {
    // Item 9: the publish decided; its fan-out jobs record the texts, as a worker would.
    await recordPendingFanOuts(server);
    const entries = await server.app.dataSource.getRepository(CommsLogEntry).findBy({ kind: MessageKind.SCHEDULE_PUBLISHED });
    return ids.map((id) => entries.filter((e) => e.employeeId === id).length);
  };

  it('C3: re-publishing an unchanged week texts nobody unless asked; asked, it texts everyone with shifts', async () => {
    const weekStart = '2030-03-11';
    const next = (day: number) => ({ startsAt: new Date(Date.UTC(2030, 2, 11 + day, 14)).toISOString(), endsAt: new Date(Date.UTC(2030, 2, 11 + day, 20)).toISOString() });
    const crew = [await employeeWith([next(0), next(2)], weekStart), await employeeWith([next(1)], weekStart)];
    const idle = await employeeWith([], weekStart);

    expect((await server.ok(PREVIEW, { weekStart }, ws.memberKey)).schedulePublishPreview).toEqual({ weekStart, weeks: 3, changed: 2, everyone: 2 });
    expect((await server.ok(PUBLISH, { input: { weekStart } }, ws.memberKey)).publishSchedule).toEqual({ weeksPublished: 3, messagesQueued: 2, employeesUnchanged: 0 });
    expect(await textsTo([...crew, idle])).toEqual([1, 1, 0]);

    // The dialog's counts before sending: nobody changed, two would be texted if asked.
    expect((await server.ok(PREVIEW, { weekStart }, ws.memberKey)).schedulePublishPreview).toEqual({ weekStart, weeks: 3, changed: 0, everyone: 2 });
    expect((await server.ok(PUBLISH, { input: { weekStart } }, ws.memberKey)).publishSchedule).toEqual({ weeksPublished: 3, messagesQueued: 0, employeesUnchanged: 2 });
    expect((await server.ok(PUBLISH, { input: { weekStart, audience: 'CHANGED' } }, ws.memberKey)).publishSchedule.messagesQueued).toBe(0);
    expect(await textsTo([...crew, idle])).toEqual([1, 1, 0]);

    expect((await server.ok(PUBLISH, { input: { weekStart, audience: 'EVERYONE' } }, ws.memberKey)).publishSchedule).toEqual({ weeksPublished: 3, messagesQueued: 2, employeesUnchanged: 0 });
    expect(await textsTo([...crew, idle])).toEqual([2, 2, 0]);
  });

  it('C3: by default only employees whose shifts were added, removed or moved are texted; a note or a new order is no change', async () => {
    const [added, removed, moved, noted, reordered, untouched] = [
      await employeeWith([shift(0)]),
      await employeeWith([shift(0), shift(1)]),
      await employeeWith([shift(2)]),
      await employeeWith([shift(3)]),
      await employeeWith([shift(0), shift(4)]),
      await employeeWith([shift(5)]),
    ];
    const everyone = [added, removed, moved, noted, reordered, untouched];
    await server.ok(PUBLISH, { input: { weekStart: WEEK } }, ws.adminKey);
    expect(await textsTo(everyone)).toEqual([1, 1, 1, 1, 1, 1]);

    await replan(added, [shift(0), shift(6)]);
    await replan(removed, [shift(1)]);
    await replan(moved, [shift(2, 15, 21)]);
    await replan(noted, [{ ...shift(3), note: 'Bring the keys' }]);
    await replan(reordered, [shift(4), shift(0)]);
    expect((await server.ok(PREVIEW, { weekStart: WEEK }, ws.adminKey)).schedulePublishPreview).toMatchObject({ changed: 3, everyone: 6 });
    expect((await server.ok(PUBLISH, { input: { weekStart: WEEK } }, ws.adminKey)).publishSchedule).toMatchObject({ messagesQueued: 3, employeesUnchanged: 3 });
    expect(await textsTo(everyone)).toEqual([2, 2, 2, 1, 1, 1]);

    // What the last publish said is what counts now: publishing again texts nobody.
    expect((await server.ok(PUBLISH, { input: { weekStart: WEEK } }, ws.adminKey)).publishSchedule.messagesQueued).toBe(0);
  });

  it('C3: a bad week or audience is a typed error and changes nothing; another workspace sees only its own counts (A2)', async () => {
    const before = await server.app.dataSource.getRepository(CommsLogEntry).count();
    expect(errorCodes(await server.gql(PREVIEW, { weekStart: '2030-02-30' }, ws.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.gql(PUBLISH, { input: { weekStart: WEEK, audience: 'ALL' } }, ws.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.gql(PUBLISH, { input: { weekStart: WEEK } }, other.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.gql(PREVIEW, { weekStart: WEEK }))).toEqual(['UNAUTHENTICATED']);
    expect((await server.ok(PREVIEW, { weekStart: WEEK }, other.adminKey)).schedulePublishPreview).toEqual({ weekStart: WEEK, weeks: 0, changed: 0, everyone: 0 });
    expect(await server.app.dataSource.getRepository(CommsLogEntry).count()).toBe(before);
  });
});
