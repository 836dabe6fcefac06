import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { Employee } from '../employee.entity.js';
import { createEmployee, seedEmployees, snapshot, UPSERT } from './employee-fixtures.js';

describe('employees: upsert, queries and pagination (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  beforeAll(async () => {
    // Data side only: no worker, so query counts and PENDING look-ups stay as the request left them.
    server = await startTestServer({ worker: false });
    ws = await createTestWorkspace(server, 'Timely Cafe');
    other = await createTestWorkspace(server, 'Other Org');
  });
  afterAll(() => server?.stop());

  it('E1: a new employee is not opted in to SMS', async () => {
    const data = await server.ok(UPSERT, { input: { name: 'Sarah Lee', phone: '+14155550123' } }, ws.memberKey);
    expect(data.upsertEmployee).toMatchObject({ name: 'Sarah Lee', smsOptIn: false, phone: '+14155550123' });
    const stored = await server.app.dataSource.getRepository(Employee).findOneByOrFail({ id: data.upsertEmployee.id });
    expect(stored.smsOptIn).toBe(false);
    expect(stored.workspaceId).toBe(ws.id);
  });

  it('A5: phone numbers are stored as E.164', async () => {
    const data = await server.ok(UPSERT, { input: { name: 'Dev Patel', phone: '(415) 555-2671' } }, ws.adminKey);
    expect(data.upsertEmployee.phone).toBe('+14155552671');
  });

  it('A5: a bad phone number is a field error and nothing is stored or changed', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Keep Me', phone: '+12025550143' });
    const before = await snapshot(server, ws.id);
    const created = await server.gql(UPSERT, { input: { name: 'Bad Phone', phone: '12345' } }, ws.adminKey);
    expect(errorCodes(created)).toEqual(['BAD_USER_INPUT']);
    expect(created.errors?.[0].extensions?.field).toBe('phone');
    const updated = await server.gql(UPSERT, { input: { id, name: 'Renamed', phone: 'not a phone' } }, ws.adminKey);
    expect(errorCodes(updated)).toEqual(['BAD_USER_INPUT']);
    expect(updated.errors?.[0].extensions?.field).toBe('phone');
    expect(await snapshot(server, ws.id)).toEqual(before);
  });

  it('E7: saving a new or changed phone marks the carrier look-up PENDING and clears old carrier data', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Carrier Case', phone: '+14155550100' });
    const repo = server.app.dataSource.getRepository(Employee);
    expect((await repo.findOneByOrFail({ id })).carrierLookupStatus).toBe('PENDING');
    // As if the look-up had run.
    await repo.update({ id }, { carrierLookupStatus: 'FOUND' as never, carrierName: 'Verizon', carrierGatewayDomain: 'vtext.com', carrierLookedUpAt: new Date() });

    const sameNumber = await server.ok(UPSERT, { input: { id, name: 'Carrier Case', phone: '415 555 0100' } }, ws.adminKey);
    expect(sameNumber.upsertEmployee).toMatchObject({ carrierLookupStatus: 'FOUND', carrierName: 'Verizon', carrierGatewayDomain: 'vtext.com' });

    const changed = await server.ok(UPSERT, { input: { id, name: 'Carrier Case', phone: '+14155550199' } }, ws.adminKey);
    expect(changed.upsertEmployee).toMatchObject({ phone: '+14155550199', carrierLookupStatus: 'PENDING', carrierName: null, carrierGatewayDomain: null });
    expect((await repo.findOneByOrFail({ id })).carrierLookedUpAt).toBeNull();

    const cleared = await server.ok(UPSERT, { input: { id, name: 'Carrier Case', phone: null } }, ws.adminKey);
    expect(cleared.upsertEmployee).toMatchObject({ phone: null, carrierLookupStatus: null });
  });

  it('upsertEmployee keeps omitted fields and clears null ones', async () => {
    const id = await createEmployee(server, ws.adminKey, { name: 'Partial', phone: '+14155550111', email: 'p@example.com' });
    const renamed = await server.ok(UPSERT, { input: { id, name: 'Partial Two' } }, ws.adminKey);
    expect(renamed.upsertEmployee).toMatchObject({ name: 'Partial Two', phone: '+14155550111', email: 'p@example.com' });
    const cleared = await server.ok(UPSERT, { input: { id, name: 'Partial Two', email: null } }, ws.adminKey);
    expect(cleared.upsertEmployee).toMatchObject({ email: null, phone: '+14155550111' });
  });

  it('A6: a bad email or an empty name is a field error and nothing is stored', async () => {
    const before = await snapshot(server, ws.id);
    const badEmail = await server.gql(UPSERT, { input: { name: 'X', email: 'not-an-email' } }, ws.adminKey);
    expect(errorCodes(badEmail)).toEqual(['BAD_USER_INPUT']);
    const blank = await server.gql(UPSERT, { input: { name: '   ' } }, ws.adminKey);
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors?.[0].extensions?.field).toBe('name');
    expect(await snapshot(server, ws.id)).toEqual(before);
  });

  it('A2: another workspace\'s employee answers NOT_FOUND and is not changed', async () => {
    const foreignId = await createEmployee(server, other.adminKey, { name: 'Foreign', phone: '+14155550177' });
    const before = await snapshot(server, other.id);
    const update = await server.gql(UPSERT, { input: { id: foreignId, name: 'Hijacked' } }, ws.adminKey);
    expect(errorCodes(update)).toEqual(['NOT_FOUND']);
    const read = await server.gql(`query($id: ID!) { employee(id: $id) { id } }`, { id: foreignId }, ws.adminKey);
    expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    const list = await server.ok(`query($ids: [ID!]) { employees(filter: { ids: $ids }) { nodes { id } } }`, { ids: [foreignId] }, ws.adminKey);
    expect(list.employees.nodes).toEqual([]);
    expect(await snapshot(server, other.id)).toEqual(before);
  });

  it('A1: without a valid key the employee API answers UNAUTHENTICATED and stores nothing', async () => {
    const before = await snapshot(server, ws.id);
    const anonymous = await server.gql(UPSERT, { input: { name: 'Nobody' } }, null);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const wrongKey = await server.gql(`{ employees { nodes { id } } }`, {}, 'tock_not_a_real_key');
    expect(errorCodes(wrongKey)).toEqual(['UNAUTHENTICATED']);
    expect(await snapshot(server, ws.id)).toEqual(before);
  });

  it('upsertEmployee with the same idempotencyKey creates one employee and answers the retry with it', async () => {
    const input = { name: 'Retry Rita', phone: '+14155550155', idempotencyKey: 'hr-import-42' };
    const first = await server.ok(UPSERT, { input }, ws.adminKey);
    const retry = await server.ok(UPSERT, { input }, ws.adminKey);
    expect(retry.upsertEmployee.id).toBe(first.upsertEmployee.id);
    const rows = await server.app.dataSource.getRepository(Employee).findBy({ workspaceId: ws.id, name: 'Retry Rita' });
    expect(rows).toHaveLength(1);
    const reused = await server.gql(UPSERT, { input: { ...input, name: 'Someone Else' } }, ws.adminKey);
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await server.app.dataSource.getRepository(Employee).findBy({ workspaceId: ws.id, name: 'Someone Else' })).toHaveLength(0);
  });

  describe('employees query', () => {
    let listWs: TestWorkspace;
    beforeAll(async () => {
      listWs = await createTestWorkspace(server, 'Paging Co');
    });

    it('walks every employee exactly once, ordered by name then id, across pages', async () => {
      await seedEmployees(server, listWs.id, 23, { prefix: 'Walker' });
      // Same name twice: the id breaks the tie.
      await seedEmployees(server, listWs.id, 2, { prefix: 'Walker 00007 twin' });
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const data: { employees: { nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await server.ok(
          `query($after: String) { employees(first: 5, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }`,
          { after },
          listWs.memberKey,
        );
        seen.push(...data.employees.nodes.map((n) => `${n.name}|${n.id}`));
        after = data.employees.pageInfo.hasNextPage ? data.employees.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(5);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      const stored = await server.app.dataSource.getRepository(Employee).find({ where: { workspaceId: listWs.id } });
      const expected = stored
        .map((e) => `${e.name}|${e.id}`)
        .sort((a, b) => {
          const [an, ai] = a.split('|');
          const [bn, bi] = b.split('|');
          return an === bn ? (ai < bi ? -1 : 1) : an.localeCompare(bn);
        });
      expect(seen).toEqual(expected);
    });

    it('filters by search, hasPhone and smsOptIn', async () => {
      const fw = await createTestWorkspace(server, 'Filter Co');
      const ann = await createEmployee(server, fw.adminKey, { name: 'Ann 100%_Match', phone: '+14155550101', email: 'ann@cafe.test' });
      const bob = await createEmployee(server, fw.adminKey, { name: 'Bob', email: 'bob@ANN-cafe.test' });
      const cy = await createEmployee(server, fw.adminKey, { name: 'Cy', phone: '+14155550102' });
      await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: cy }, fw.adminKey);
      const q = `query($filter: EmployeeFilter) { employees(filter: $filter) { nodes { id } } }`;
      const ids = async (filter: object) => (await server.ok(q, { filter }, fw.memberKey)).employees.nodes.map((n: { id: string }) => n.id);
      expect(await ids({ search: 'ann' })).toEqual([ann, bob]);
      // LIKE wildcards in the search are literal.
      expect(await ids({ search: '0%_m' })).toEqual([ann]);
      expect(await ids({ search: '%' })).toEqual([ann]);
      // A phone's digits, typed any way: the schedules picker finds people by number too.
      expect(await ids({ search: '555-0102' })).toEqual([cy]);
      expect(await ids({ search: '(415) 555' })).toEqual([ann, cy]);
      expect(await ids({ search: '555' })).toEqual([]);
      expect(await ids({ hasPhone: true })).toEqual([ann, cy]);
      expect(await ids({ hasPhone: false })).toEqual([bob]);
      expect(await ids({ smsOptIn: true })).toEqual([cy]);
      expect(await ids({ smsOptIn: false, hasPhone: true })).toEqual([ann]);
      expect(await ids({ ids: [bob, cy] })).toEqual([bob, cy]);
    });

    it('a page of 100 employees with their weeks and shifts costs a handful of queries (no N+1)', async () => {
      const nw = await createTestWorkspace(server, 'N+1 Co');
      const ids = await seedEmployees(server, nw.id, 100, { prefix: 'Loaded' });
      const ds = server.app.dataSource;
      const weeks = ids.map((employeeId, i) => ({ id: `w-${i}-${employeeId.slice(-12)}`, workspaceId: nw.id, employeeId, weekStart: '2026-03-02', sendSmsAlert: false, publishedAt: null }));
      await ds.getRepository('ScheduleWeek').insert(weeks);
      await ds.getRepository('Shift').insert(
        weeks.flatMap((w, i) => [0, 1].map((d) => ({
          id: `s-${i}-${d}-${w.employeeId.slice(-10)}`,
          workspaceId: nw.id,
          scheduleWeekId: w.id,
          employeeId: w.employeeId,
          startsAt: new Date(Date.UTC(2026, 2, 2 + d, 9)),
          endsAt: new Date(Date.UTC(2026, 2, 2 + d, 17)),
          note: null,
        }))),
      );
      server.app.queryCounter.count = 0;
      const data = await server.ok(
        `{ employees(first: 100) { nodes { id scheduleWeeks { id employee { id } shifts { id employee { id } } } } } }`,
        {},
        nw.adminKey,
      );
      const queries = server.app.queryCounter.count;
      expect(data.employees.nodes).toHaveLength(100);
      expect(data.employees.nodes.every((n: { scheduleWeeks: { shifts: unknown[] }[] }) => n.scheduleWeeks.length === 1 && n.scheduleWeeks[0].shifts.length === 2)).toBe(true);
      // Key look-up, page, weeks, shifts, employees: never one per row.
      expect(queries).toBeLessThanOrEqual(6);
    });
  });
});
