import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { logEntryDefaults } from '../../comms-log/log-entry-defaults.util.js';
import { Employee } from '../../employees/employee.entity.js';
import { createTestWorkspace, startTestServer, type TestDatabase, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { readByIds, readEntities } from '../read-entities.util.js';

// The API's pages and relation batches skip TypeORM's result transformer; the
// entities they read must be exactly the ones getMany and findBy would give
// (booleans, dates, nulls, integers, enums), on both databases.
// SQLite first: a statement it wrote (double quotes) must never be sent to MariaDB.
describe.each<TestDatabase>(['sqlite', 'mariadb'])('plain rows read as entities on %s', (database) => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer({ database, worker: false });
    ws = await createTestWorkspace(server);
    const employees = server.app.dataSource.getRepository(Employee);
    await employees.insert([
      { id: 'e-read-1', workspaceId: ws.id, name: 'Ada', email: null, phone: '+14155550101', smsOptIn: true, timeZone: 'America/Chicago', carrierLookedUpAt: new Date('2026-11-01T09:30:00.123Z') },
      { id: 'e-read-2', workspaceId: ws.id, name: 'Bo', email: 'bo@example.com', phone: null, smsOptIn: false },
    ]);
    const at = new Date('2026-11-02T10:00:00.250Z');
    await server.app.dataSource.getRepository(CommsLogEntry).insert([
      Object.assign(new CommsLogEntry(), logEntryDefaults(at), { workspaceId: ws.id, direction: 'OUTBOUND', kind: 'SHIFT_ALERT', status: 'FAILED', employeeId: 'e-read-1', errorCode: '6', attempts: 2, scheduledFor: at }),
      Object.assign(new CommsLogEntry(), logEntryDefaults(at), { workspaceId: ws.id, direction: 'OUTBOUND', kind: 'REMINDER', status: 'SKIPPED', skipReason: 'NOT_OPTED_IN' }),
    ]);
  });
  afterAll(() => server?.stop());

  it('a page reads the same entities as getMany', async () => {
    for (const entity of [Employee, CommsLogEntry] as const) {
      const page = () => server.app.dataSource.getRepository<Employee | CommsLogEntry>(entity).createQueryBuilder('e').where('e.workspaceId = :id', { id: ws.id }).orderBy('e.id', 'ASC').limit(10);
      const expected = await page().getMany();
      const read = await readEntities(page());
      expect(read).toHaveLength(2);
      expect(read).toEqual(expected);
      expect(read.every((row) => row instanceof entity)).toBe(true);
    }
  });

  it('a page that names its columns reads only those, with the same values; a name that is no column reads them all', async () => {
    const page = () => server.app.dataSource.getRepository(CommsLogEntry).createQueryBuilder('e').where('e.workspaceId = :id', { id: ws.id }).orderBy('e.id', 'ASC').limit(10);
    const full = await page().getMany();
    const narrow = page();
    const read = await readEntities(narrow, ['id', 'status', 'errorCode', 'employeeId']);
    expect(narrow.getQuery()).not.toMatch(/body|providerMessageId/);
    expect(read.map((e) => Object.keys(e).sort())).toEqual(Array(2).fill(['employeeId', 'errorCode', 'id', 'status']));
    expect(read).toEqual(full.map(({ id, status, errorCode, employeeId }) => expect.objectContaining({ id, status, errorCode, employeeId })));
    expect(await readEntities(page(), ['id', 'participant'])).toEqual(full);
  });

  it('a statement written once per shape reads what the query builder reads, for other values and other shapes', async () => {
    const repo = server.app.dataSource.getRepository(CommsLogEntry);
    const shapes = [
      (id: string) => repo.createQueryBuilder('e').where('e.workspaceId = :id', { id }).orderBy('e.id', 'DESC').limit(1),
      (id: string) => repo.createQueryBuilder('e').where('e.workspaceId = :id', { id }).andWhere('e.status IN (:...statuses)', { statuses: ['FAILED', 'SKIPPED'] }).orderBy('e.id', 'ASC'),
      (id: string) => repo.createQueryBuilder('e').where('e.workspaceId = :id AND e.status = :status', { id, status: 'SKIPPED' }),
    ];
    for (const shape of shapes) {
      // Twice each: the second read binds the written statement to the values.
      for (const workspaceId of [ws.id, ws.id, 'another-workspace']) {
        expect(await readEntities(shape(workspaceId))).toEqual(await shape(workspaceId).getMany());
      }
    }
    const inList = (statuses: string[]) => repo.createQueryBuilder('e').where('e.workspaceId = :id AND e.status IN (:...statuses)', { id: ws.id, statuses });
    expect((await readEntities(inList(['FAILED']))).map((e) => e.status)).toEqual(['FAILED']);
    expect((await readEntities(inList(['FAILED', 'SKIPPED', 'SENT']))).map((e) => e.status).sort()).toEqual(['FAILED', 'SKIPPED']);
  });

  it('A2: a batch by ids reads the same entities as findBy, and only inside the workspace', async () => {
    const employees = server.app.dataSource.getRepository(Employee);
    const expected = await employees.findBy({ workspaceId: ws.id });
    const read = await readByIds(server.app.dataSource, Employee, ['e-read-2', 'e-read-1', 'missing'], ws.id);
    expect([...read].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...expected].sort((a, b) => a.id.localeCompare(b.id)));
    expect(read.find((e) => e.id === 'e-read-1')?.smsOptIn).toBe(true);
    expect(read.find((e) => e.id === 'e-read-1')?.carrierLookedUpAt).toEqual(new Date('2026-11-01T09:30:00.123Z'));
    expect(await readByIds(server.app.dataSource, Employee, ['e-read-1'], 'another-workspace')).toEqual([]);
  });
});
