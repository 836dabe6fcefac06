import type { JobParameters } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestDatabase, type TestServer } from '../../../../test/harness.js';
import { AgendaJob } from '../agenda-job.entity.js';
import { SqlJobRepository } from '../sql-job.repository.js';

// What Tock's SQL store guarantees beyond the shared contract: the (name,
// dedupeKey) unique index makes racing saves of one every() job or one unique
// key a single row. Agenda's Redis backend checks and then inserts, so racing
// workers there can make duplicates; the contract does not ask it of them.
describe.each<TestDatabase>(['mariadb', 'sqlite'])('Tock SQL job store on %s', (database) => {
  let server: TestServer;
  const workers = () => Array.from({ length: 8 }, () => new SqlJobRepository(server.app.dataSource));
  const later = () => new Date(Date.now() + 60 * 60 * 1000);
  const rowsNamed = (name: string) => server.app.dataSource.getRepository(AgendaJob).findBy({ name });

  beforeAll(async () => {
    server = await startTestServer({ database });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('L2: one unique key saved by eight workers at once is one job', async () => {
    const saves = workers().map((repo, n) =>
      repo.saveJob<unknown>(
        { name: 'send-reminder', data: { bookingId: 'b-1', n }, priority: 0, nextRunAt: later(), type: 'normal', unique: { 'data.bookingId': 'b-1' } },
        undefined,
      ),
    );

    const saved = await Promise.all(saves);

    expect(new Set(saved.map((job) => job._id)).size).toBe(1);
    expect(await rowsNamed('send-reminder')).toHaveLength(1);
  });

  it('every() saved by eight workers at once keeps one job per name', async () => {
    const job: JobParameters = { name: 'shift-alerts', data: {}, priority: 0, nextRunAt: later(), type: 'single', repeatInterval: '1 minute' };

    const saved = await Promise.all(workers().map((repo) => repo.saveJob(job, undefined)));

    expect(new Set(saved.map((row) => row._id)).size).toBe(1);
    const rows = await rowsNamed('shift-alerts');
    expect(rows.map((row) => [row.type, row.dedupeKey, row.repeatInterval])).toEqual([['single', 'single', '1 minute']]);
  });

  it('unique keys are the same whatever the order of their fields', async () => {
    const [repo] = workers();
    const save = (unique: Record<string, unknown>) =>
      repo.saveJob<unknown>({ name: 'two-keys', data: { a: 1, b: 2 }, priority: 0, nextRunAt: later(), type: 'normal', unique }, undefined);

    const first = await save({ 'data.a': 1, 'data.b': 2 });
    const second = await save({ 'data.b': 2, 'data.a': 1 });
    const other = await save({ 'data.a': 1 });

    expect(second._id).toBe(first._id);
    expect(other._id).not.toBe(first._id);
    const rows = await rowsNamed('two-keys');
    expect(rows.find((row) => row.id === first._id)?.uniqueQuery).toBe(JSON.stringify({ 'data.a': 1, 'data.b': 2 }));
  });
});
