import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { Employee } from '../../employees/employee.entity.js';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { Participant } from '../../studies/participant.entity.js';
import { CommsLogEntry } from '../comms-log-entry.entity.js';
import { MessageDirection, MessageKind, MessageStatus } from '../comms-log.enums.js';

const minute = (n: number) => new Date(Date.UTC(2026, 3, 1, 8, n, 0));

const LOG = `query($filter: CommsLogFilter, $first: Int, $after: String) {
  commsLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id kind status skipReason direction recipientPhone createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ENTRY = `query($id: ID!) { commsLogEntry(id: $id) { id kind status skipReason errorCode participant { id name } employee { id name } } }`;

type Seed = Partial<CommsLogEntry> & { workspaceId: string; createdAt: Date };

describe('communications log read side (MariaDB)', () => {
  let server: TestServer;
  let a: TestWorkspace;
  let b: TestWorkspace;
  // Label -> id of workspace A's entries, in the order they were logged.
  const ids: Record<string, string> = {};
  let bEntryId: string;
  const p1 = randomUUID();
  const p2 = randomUUID();
  const e1 = randomUUID();
  const booking1 = randomUUID();

  async function log(seed: Seed): Promise<string> {
    const result = await server.app.dataSource.getRepository(CommsLogEntry).insert({
      direction: MessageDirection.OUTBOUND,
      kind: MessageKind.REMINDER,
      status: MessageStatus.SENT,
      updatedAt: seed.createdAt,
      ...seed,
    });
    return String(result.identifiers[0].id);
  }
  async function participants(workspaceId: string, list: { id: string; name: string }[]) {
    await server.app.dataSource.getRepository(Participant).insert(
      list.map((p) => ({ ...p, workspaceId, email: `${p.id}@example.com`, phone: null, smsConsent: false })),
    );
  }
  async function labels(filter: Record<string, unknown>, key = a.memberKey): Promise<string[]> {
    const data = await server.ok(LOG, { filter, first: 100 }, key);
    const byId = Object.fromEntries(Object.entries(ids).map(([label, id]) => [id, label]));
    return data.commsLog.edges.map((e: { node: { id: string } }) => byId[e.node.id] ?? `other:${e.node.id}`);
  }

  beforeAll(async () => {
    server = await startTestServer();
    a = await createTestWorkspace(server, 'Workspace A');
    b = await createTestWorkspace(server, 'Workspace B');
    await participants(a.id, [
      { id: p1, name: 'Ada Lovelace' },
      { id: p2, name: 'Grace Hopper' },
    ]);
    await server.app.dataSource
      .getRepository(Employee)
      .insert({ id: e1, workspaceId: a.id, name: 'Sam Shift', phone: '+14155550102', smsOptIn: false });
    const { SKIPPED, DELIVERED, RECEIVED, FAILED } = MessageStatus;
    const toAda = { workspaceId: a.id, recipientPhone: '+14155550101' };
    const toSam = { workspaceId: a.id, recipientPhone: '+14155550102', employeeId: e1 };
    const adaBooking = { ...toAda, participantId: p1, bookingId: booking1 };
    ids.confirmation = await log({ ...adaBooking, createdAt: minute(1), kind: MessageKind.CONFIRMATION });
    ids.optedOutReminder = await log({ ...adaBooking, createdAt: minute(2), status: SKIPPED, skipReason: SkipReason.OPTED_OUT });
    ids.notOptedInAlert = await log({
      ...toSam,
      createdAt: minute(3),
      kind: MessageKind.SHIFT_ALERT,
      status: SKIPPED,
      skipReason: SkipReason.NOT_OPTED_IN,
    });
    ids.deliveredAlert = await log({ ...toSam, createdAt: minute(4), kind: MessageKind.SHIFT_ALERT, status: DELIVERED });
    ids.inboundStop = await log({
      ...toAda,
      createdAt: minute(5),
      direction: MessageDirection.INBOUND,
      kind: MessageKind.INBOUND,
      status: RECEIVED,
      body: 'STOP',
    });
    ids.keywordReply = await log({ ...toAda, createdAt: minute(6), kind: MessageKind.KEYWORD_REPLY });
    ids.failedPublish = await log({ ...toSam, createdAt: minute(7), kind: MessageKind.SCHEDULE_PUBLISHED, status: FAILED, errorCode: '9' });
    ids.disabledReminder = await log({
      workspaceId: a.id,
      createdAt: minute(8),
      status: SKIPPED,
      skipReason: SkipReason.WORKSPACE_SMS_DISABLED,
      recipientPhone: '+14155550103',
      participantId: p2,
    });
    // Workspace B texts the same number; one of its rows even names A's participant.
    const bToAda = { workspaceId: b.id, recipientPhone: '+14155550101' };
    await log({ ...bToAda, createdAt: minute(2) });
    bEntryId = await log({ ...bToAda, createdAt: minute(3), status: SKIPPED, skipReason: SkipReason.OPTED_OUT, participantId: p1 });
  });
  afterAll(() => server?.stop());

  it('L1: the log lists every entry of the workspace, newest first', async () => {
    expect(await labels({})).toEqual([
      'disabledReminder',
      'failedPublish',
      'keywordReply',
      'inboundStop',
      'deliveredAlert',
      'notOptedInAlert',
      'optedOutReminder',
      'confirmation',
    ]);
  });

  it('L1: filters by kind, status and skip reason', async () => {
    expect(await labels({ kind: 'REMINDER' })).toEqual(['disabledReminder', 'optedOutReminder']);
    expect(await labels({ status: 'SKIPPED' })).toEqual(['disabledReminder', 'notOptedInAlert', 'optedOutReminder']);
    expect(await labels({ skipReason: 'OPTED_OUT' })).toEqual(['optedOutReminder']);
    expect(await labels({ status: 'SKIPPED', kind: 'SHIFT_ALERT' })).toEqual(['notOptedInAlert']);
    expect(await labels({ status: 'QUEUED' })).toEqual([]);
  });

  it('L1: filters by recipient, in any format', async () => {
    expect(await labels({ recipient: '(415) 555-0102' })).toEqual(['failedPublish', 'deliveredAlert', 'notOptedInAlert']);
    expect(await labels({ recipient: '+14155550101' })).toEqual(['keywordReply', 'inboundStop', 'optedOutReminder', 'confirmation']);
  });

  it('L1: filters by time range (from inclusive, to exclusive) and direction', async () => {
    expect(await labels({ from: minute(2).toISOString(), to: minute(5).toISOString() })).toEqual([
      'deliveredAlert',
      'notOptedInAlert',
      'optedOutReminder',
    ]);
    expect(await labels({ from: minute(7).toISOString() })).toEqual(['disabledReminder', 'failedPublish']);
    expect(await labels({ direction: 'INBOUND' })).toEqual(['inboundStop']);
    expect(await labels({ direction: 'OUTBOUND', to: minute(2).toISOString() })).toEqual(['confirmation']);
  });

  it('L1: filters by participant, employee and booking', async () => {
    expect(await labels({ participantId: p1 })).toEqual(['optedOutReminder', 'confirmation']);
    expect(await labels({ employeeId: e1 })).toEqual(['failedPublish', 'deliveredAlert', 'notOptedInAlert']);
    expect(await labels({ bookingId: booking1 })).toEqual(['optedOutReminder', 'confirmation']);
  });

  it('C2: one search box finds a phone in any format, or a name or email of a participant or employee', async () => {
    expect(await labels({ search: '(415) 555-0102' })).toEqual(['failedPublish', 'deliveredAlert', 'notOptedInAlert']);
    expect(await labels({ search: '+1 415-555-0101' })).toEqual(['keywordReply', 'inboundStop', 'optedOutReminder', 'confirmation']);
    expect(await labels({ search: 'ada LOVE' })).toEqual(['optedOutReminder', 'confirmation']);
    // Part of an email (the id alone can be all digits, which reads as a phone number).
    expect(await labels({ search: `${p2}@example` })).toEqual(['disabledReminder']);
    expect(await labels({ search: 'sam sh', status: 'SKIPPED' })).toEqual(['notOptedInAlert']);
    // Wildcards are literal: nobody's name holds a percent sign.
    expect(await labels({ search: '%' })).toEqual([]);
    // K6: B's search runs over B's people only, though one of B's rows names A's participant.
    expect(await labels({ search: 'Ada' }, b.adminKey)).toEqual([]);
    const bad = await server.gql(LOG, { filter: { search: '555-0000-000' } }, a.adminKey);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  it('C2: an ADMIN exports the filtered history as CSV, newest first; a MEMBER may not', async () => {
    const EXPORT = `query($filter: CommsLogFilter) { exportCommsLog(filter: $filter) }`;
    const { exportCommsLog } = await server.ok(EXPORT, { filter: { employeeId: e1 } }, a.adminKey);
    const [header, ...rows] = (exportCommsLog as string).trim().split('\n');
    expect(header.split(',').slice(0, 5)).toEqual(['id', 'createdAt', 'direction', 'kind', 'status']);
    expect(rows.map((row) => row.split(',')[0])).toEqual([ids.failedPublish, ids.deliveredAlert, ids.notOptedInAlert]);
    expect(rows[0]).toContain('SCHEDULE_PUBLISHED,FAILED');
    expect(rows[0]).toContain(minute(7).toISOString());
    expect(errorCodes(await server.gql(EXPORT, {}, a.memberKey))).toEqual(['FORBIDDEN']);
    // K6: B's export holds B's two rows only.
    const { exportCommsLog: bCsv } = await server.ok(EXPORT, {}, b.adminKey);
    expect((bCsv as string).trim().split('\n')).toHaveLength(3);
  });

  it('L1: an entry resolves its participant and employee', async () => {
    const reminder = await server.ok(ENTRY, { id: ids.optedOutReminder }, a.memberKey);
    expect(reminder.commsLogEntry).toEqual({
      id: ids.optedOutReminder,
      kind: 'REMINDER',
      status: 'SKIPPED',
      skipReason: 'OPTED_OUT',
      errorCode: null,
      participant: { id: p1, name: 'Ada Lovelace' },
      employee: null,
    });
    const publish = await server.ok(ENTRY, { id: ids.failedPublish }, a.adminKey);
    expect(publish.commsLogEntry).toMatchObject({ status: 'FAILED', errorCode: '9', participant: null, employee: { id: e1, name: 'Sam Shift' } });
  });

  it('A2: an id that is not an entry of this workspace answers NOT_FOUND', async () => {
    for (const id of [bEntryId, '999999', `${ids.confirmation}x`, 'abc', '-1']) {
      const result = await server.gql(ENTRY, { id }, a.adminKey);
      expect(errorCodes(result), id).toEqual(['NOT_FOUND']);
      expect(result.data?.commsLogEntry ?? null).toBeNull();
    }
  });

  it("K6: workspace B's key sees none of workspace A's log entries", async () => {
    const all = await labels({}, b.adminKey);
    expect(all).toHaveLength(2);
    expect(all.every((label) => label.startsWith('other:'))).toBe(true);
    expect(await labels({ recipient: '+14155550101' }, b.memberKey)).toHaveLength(2);
    expect(await labels({ participantId: p1 }, b.adminKey)).toEqual([`other:${bEntryId}`]);
    expect(await labels({ employeeId: e1 }, b.adminKey)).toEqual([]);
    const foreign = await server.gql(ENTRY, { id: ids.optedOutReminder }, b.adminKey);
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    // B's own row names A's participant: the loader stays inside B and finds nobody.
    const own = await server.ok(ENTRY, { id: bEntryId }, b.adminKey);
    expect(own.commsLogEntry.participant).toBeNull();
  });

  it('A5: a bad recipient phone in the filter is a field error', async () => {
    const result = await server.gql(LOG, { filter: { recipient: 'call me' } }, a.adminKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('filter.recipient');
    expect(result.data?.commsLog ?? null).toBeNull();
  });

  it('A6: unknown enum values, an inverted range and a garbage cursor are clear errors', async () => {
    expect(errorCodes(await server.gql(LOG, { filter: { status: 'LOST' } }, a.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.gql(LOG, { filter: { skipReason: 'BECAUSE' } }, a.adminKey))).toEqual(['BAD_USER_INPUT']);
    const inverted = await server.gql(LOG, { filter: { from: minute(5).toISOString(), to: minute(1).toISOString() } }, a.adminKey);
    expect(inverted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const garbage = await server.gql(LOG, { after: 'not-a-cursor' }, a.adminKey);
    expect(garbage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorCodes(await server.gql(LOG, {}, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('L1: the filtered page query reads a (workspaceId, column, id) index', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ status: MessageStatus.SKIPPED }, ['workspaceId', 'status', 'id']],
      [{ kind: MessageKind.REMINDER }, ['workspaceId', 'kind', 'id']],
      [{ skipReason: SkipReason.OPTED_OUT }, ['workspaceId', 'skipReason', 'id']],
      [{ recipient: '+14155550101' }, ['workspaceId', 'recipientPhone', 'id']],
      [{ search: '(415) 555-0101' }, ['workspaceId', 'recipientPhone', 'id']],
      [{ studyId: randomUUID() }, ['workspaceId', 'studyId', 'id']],
      [{ sessionId: randomUUID() }, ['workspaceId', 'sessionId', 'id']],
    ];
    const metadata = server.app.dataSource.getMetadata(CommsLogEntry);
    const indexName = (columns: string[]) =>
      metadata.indices.find((i) => i.columns.map((c) => c.propertyName).join() === columns.join())!.name;
    for (const [filter, columns] of cases) {
      const [sql, params] = (await server.app.services.commsLog.query(a.id, filter)).orderBy('e.id', 'DESC').limit(26).getQueryAndParameters();
      const [plan] = await server.app.dataSource.query(`EXPLAIN ${sql}`, params);
      expect(plan.key, JSON.stringify(filter)).toBe(indexName(columns));
    }
  });
});

describe('communications log paging and cost (MariaDB)', () => {
  let server: TestServer;
  let walk: TestWorkspace;
  let busy: TestWorkspace;
  const PAGE = `query($first: Int, $after: String) {
    commsLog(first: $first, after: $after) { nodes { id createdAt } pageInfo { hasNextPage endCursor } }
  }`;

  const rows = (workspaceId: string, count: number, extra: (i: number) => Partial<CommsLogEntry> = () => ({})) =>
    Array.from({ length: count }, (_, i) => ({
      workspaceId,
      direction: MessageDirection.OUTBOUND,
      kind: MessageKind.REMINDER,
      status: MessageStatus.SENT,
      recipientPhone: '+14155550199',
      createdAt: minute(i),
      updatedAt: minute(i),
      ...extra(i),
    }));

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    walk = await createTestWorkspace(server, 'Walk');
    busy = await createTestWorkspace(server, 'Busy');
    await server.app.dataSource.getRepository(CommsLogEntry).insert(rows(walk.id, 60));
  });
  afterAll(() => server?.stop());

  it('L1: walking 60 entries 25 at a time returns each once, newest first, even as new ones arrive', async () => {
    const seen: number[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const data: Record<string, any> = await server.ok(PAGE, { first: 25, after }, walk.memberKey);
      sizes.push(data.commsLog.nodes.length);
      seen.push(...data.commsLog.nodes.map((n: { id: string }) => Number(n.id)));
      // A message logged mid-walk is newer than the cursor, so it does not shift later pages.
      if (page === 0) await server.app.dataSource.getRepository(CommsLogEntry).insert(rows(walk.id, 1));
      after = data.commsLog.pageInfo.endCursor;
      if (!data.commsLog.pageInfo.hasNextPage) break;
    }
    expect(sizes).toEqual([25, 25, 10]);
    expect(new Set(seen).size).toBe(60);
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
    const stored = await server.app.dataSource.getRepository(CommsLogEntry).find({ where: { workspaceId: walk.id }, order: { id: 'DESC' } });
    expect(seen).toEqual(stored.slice(1).map((e) => Number(e.id)));
  });

  it('L1: a page of 100 entries with participant and employee names costs a handful of queries', async () => {
    const people = Array.from({ length: 100 }, (_, i) => ({ id: randomUUID(), name: `Participant ${i}` }));
    const staff = Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), name: `Employee ${i}` }));
    await server.app.dataSource.getRepository(Participant).insert(
      people.map((p) => ({ ...p, workspaceId: busy.id, email: `${p.id}@example.com`, phone: null, smsConsent: false })),
    );
    await server.app.dataSource.getRepository(Employee).insert(staff.map((e) => ({ ...e, workspaceId: busy.id, phone: null, smsOptIn: false })));
    await server.app.dataSource
      .getRepository(CommsLogEntry)
      .insert(rows(busy.id, 100, (i) => ({ participantId: people[i].id, employeeId: staff[i % 10].id })));
    const query = `{ commsLog(first: 100) { nodes { id participant { name } employee { name } } } }`;
    await server.ok(query, {}, busy.adminKey);
    server.app.queryCounter.count = 0;
    const data = await server.ok(query, {}, busy.adminKey);
    const queries = server.app.queryCounter.count;
    expect(data.commsLog.nodes).toHaveLength(100);
    expect(data.commsLog.nodes[0]).toEqual({ id: expect.any(String), participant: { name: 'Participant 99' }, employee: { name: 'Employee 9' } });
    expect(new Set(data.commsLog.nodes.map((n: { participant: { name: string } }) => n.participant.name)).size).toBe(100);
    // Key check, the page, one participant batch, one employee batch.
    expect(queries).toBeLessThanOrEqual(5);
  });

  it('C2: the status timelines of a page of 100 entries load in one batched query (no N+1)', async () => {
    const query = `{ commsLog(first: 100) { nodes { id history { type } } } }`;
    await server.ok(query, {}, busy.adminKey);
    server.app.queryCounter.count = 0;
    const data = await server.ok(query, {}, busy.adminKey);
    expect(data.commsLog.nodes).toHaveLength(100);
    // Key check, the page, one timeline batch.
    expect(server.app.queryCounter.count).toBeLessThanOrEqual(4);
  });
});
