import type { Agenda, Job } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { createAgenda } from '../agenda.factory.js';
import { keepHeldLocks } from '../held-locks.js';
import { AgendaJob } from '../sql-backend/agenda-job.entity.js';
import { SqlJobBackend } from '../sql-backend/sql-job.backend.js';

const LOCK_LIFETIME_MS = 1500;
const JOB = `held-lock-test`;

// L6: jobs a worker has locked but not started (queued behind a running one)
// keep their locks: they are neither dropped by Agenda nor taken by another
// worker, however long they wait, and each runs once, here.
describe('held job locks (L6, MariaDB)', () => {
  let server: TestServer;
  let agenda: Agenda;
  let stopKeeping = () => undefined as void;
  beforeAll(async () => {
    server = await startTestServer({ worker: false });
  });
  afterAll(async () => {
    stopKeeping();
    await agenda?.stop(false);
    await server?.stop();
  });

  it('L6: jobs held behind a long-running one keep their locks past the lock lifetime and each runs once, on the worker that held them', async () => {
    const backend = new SqlJobBackend(server.app.dataSource, {});
    agenda = createAgenda(backend, { processEvery: 50, name: 'keeper-test', defaultLockLifetime: LOCK_LIFETIME_MS });
    const runs: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    agenda.define(
      JOB,
      async (job: Job<{ n: number }>) => {
        runs.push(String(job.attrs.data.n));
        // The first one runs until the test opens the gate, renewing its own lock as a running job does.
        if (job.attrs.data.n !== 0) return;
        const touching = setInterval(() => void job.touch().catch(() => undefined), LOCK_LIFETIME_MS / 6);
        await gate;
        clearInterval(touching);
      },
      { concurrency: 1, lockLimit: 4, lockLifetime: LOCK_LIFETIME_MS },
    );
    await agenda.ready;
    for (let n = 0; n < 4; n++) await agenda.create(JOB, { n }).schedule(new Date()).save();
    await agenda.start();
    stopKeeping = keepHeldLocks(agenda, backend.repository, LOCK_LIFETIME_MS / 3);

    const rows = () => server.app.dataSource.getRepository(AgendaJob).findBy({ name: JOB });
    // All four locked here: one running, three waiting behind it.
    let firstLocks = new Map<string, number>();
    await expect
      .poll(
        async () => {
          const locked = (await rows()).filter((row) => row.lockedAt);
          firstLocks = new Map(locked.map((row) => [row.id, row.lockedAt!.getTime()]));
          return locked.length;
        },
        { timeout: 30_000, interval: 20 },
      )
      .toBe(4);
    // The waiting ones' locks move on past the lifetime they were locked with (without the keeper they never move).
    const renewedPastLifetime = async () =>
      (await rows()).filter((row) => row.lockedAt && row.lastRunAt === null && row.lockedAt.getTime() > (firstLocks.get(row.id) ?? Infinity) + LOCK_LIFETIME_MS).length;
    await expect.poll(renewedPastLifetime, { timeout: 30_000, interval: 20 }).toBe(3);
    open();
    await expect.poll(async () => (await rows()).filter((row) => row.lastFinishedAt).length, { timeout: 30_000, interval: 20 }).toBe(4);
    expect(runs.sort()).toEqual(['0', '1', '2', '3']);
    // Nothing is still counted against the lock limit.
    expect(await agenda.getRunningStats()).toMatchObject({ lockedJobs: 0, runningJobs: 0 });
  }, 90_000);
});
