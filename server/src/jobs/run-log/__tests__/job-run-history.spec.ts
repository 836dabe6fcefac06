import { randomBytes } from 'node:crypto';
import type { Job } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTestDatabase, startTestServer, type TestServer } from '../../../../test/harness.js';
import { loadConfig } from '../../../config/config.js';
import { createJobBackend } from '../../job-backend.js';
import { SqlJobBackend } from '../../sql-backend/sql-job.backend.js';
import { AgendaJobLogEntry } from '../agenda-job-log-entry.entity.js';
import { SqlJobLogger } from '../sql-job.logger.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('job run history', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database: defaultTestDatabase() });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lists a job's runs, newest first, with start, end, outcome and failure reason", async () => {
    const agenda = server.app.agenda;
    const name = `history-${randomBytes(4).toString('hex')}`;
    let attempts = 0;
    agenda.define(
      name,
      async () => {
        attempts++;
        if (attempts < 3) throw new Error(`attempt ${attempts} refused`);
      },
      { backoff: () => 50 },
    );
    const finished = new Promise<void>((resolve) => {
      let seen = 0;
      agenda.on(`complete:${name}`, (_job: Job, remote?: boolean) => !remote && ++seen === 3 && resolve());
    });
    const job = await agenda.now(name, {});
    await finished;

    await expect.poll(() => server.app.services.jobRuns.listRuns(String(job.attrs._id)), { timeout: 5_000 }).toHaveLength(3);
    const listed = await server.app.services.jobRuns.listRuns(String(job.attrs._id));
    expect(listed.map((run) => [run.outcome, run.failReason])).toEqual([
      ['succeeded', null],
      ['failed', 'attempt 2 refused'],
      ['failed', 'attempt 1 refused'],
    ]);
    for (const run of listed) expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
    expect(listed[0].startedAt.getTime()).toBeGreaterThan(listed[1].startedAt.getTime());
    expect(await server.app.services.jobRuns.listRuns(String(job.attrs._id), 1)).toHaveLength(1);
    expect(await server.app.services.jobRuns.listRuns('no-such-job')).toEqual([]);
  });

  it('entries older than the retention time are pruned, on demand and as new ones are written; younger ones stay', async () => {
    const jobName = `retention-${randomBytes(4).toString('hex')}`;
    const at = (ageMs: number) => new Date(Date.now() - ageMs);
    const entry = (timestamp: Date) => ({ timestamp, level: 'info' as const, event: 'start' as const, jobId: 'j-1', jobName, message: 'job started' });
    const stored = async () => (await server.app.dataSource.getRepository(AgendaJobLogEntry).findBy({ jobName })).length;
    // Prunes when first written to, then not for an hour.
    const writer = new SqlJobLogger(server.app.dataSource, { retentionMs: DAY_MS });
    await writer.log(entry(at(0)));
    await writer.flush();
    await writer.log(entry(at(3 * DAY_MS)));
    await writer.log(entry(at(DAY_MS + 60_000)));
    await writer.log(entry(at(DAY_MS - 60_000)));
    await writer.flush();
    expect(await stored()).toBe(4);

    expect(await writer.prune()).toBe(2);
    expect(await stored()).toBe(2);

    await writer.log(entry(at(2 * DAY_MS)));
    await writer.flush();
    expect(await stored()).toBe(3);
    // A logger that may prune on every write removes it as it writes.
    const eager = new SqlJobLogger(server.app.dataSource, { retentionMs: DAY_MS, pruneEveryMs: 0 });
    await eager.log(entry(at(0)));
    const older = async () => (await eager.getLogs({ jobName })).entries.filter((kept) => kept.timestamp.getTime() < Date.now() - DAY_MS).length;
    await expect.poll(older, { timeout: 5_000 }).toBe(0);
    expect(await stored()).toBe(3);
  });

  it('JOBS_LOG_RETENTION_DAYS sets how long runs are kept; 0 turns the job log off', () => {
    const kept = createJobBackend(loadConfig({ JOBS_LOG_RETENTION_DAYS: '3' }), server.app.dataSource) as SqlJobBackend;
    const off = createJobBackend(loadConfig({ JOBS_LOG_RETENTION_DAYS: '0' }), server.app.dataSource) as SqlJobBackend;
    expect(kept.logger).toBeInstanceOf(SqlJobLogger);
    expect(off.logger).toBeUndefined();
    expect(server.app.agenda.hasJobLogger()).toBe(true);
    expect(() => loadConfig({ JOBS_LOG_RETENTION_DAYS: '-1' })).toThrow(/JOBS_LOG_RETENTION_DAYS/);
  });
});
