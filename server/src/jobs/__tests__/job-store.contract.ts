import { randomBytes } from 'node:crypto';
import type { Agenda, AgendaBackend, Job, JobParameters, JobRepository } from 'agenda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAgenda } from '../agenda.factory.js';
import { runsFromLog } from '../run-log/job-runs.util.js';

/** A job store under test: every backend it makes shares one store, like workers in separate processes. */
export interface JobStoreUnderTest {
  /** A new, unconnected backend on the shared store (one more worker). */
  newBackend(): AgendaBackend;
  /** Releases the store after the last test. */
  close(): Promise<void>;
}

export interface JobStoreCapabilities {
  /** A job saved through one backend wakes the workers of another at once (a notification channel between processes). */
  notifiesAcrossProcesses: boolean;
}

const PROCESS_EVERY_MS = 50;
const HOUR_MS = 60 * 60 * 1000;

interface Run {
  id: string;
  worker: string;
  data: unknown;
  startedAt: number;
  lastRunAt: Date | undefined;
}

// What the handlers saw, in order; tests await it instead of sleeping.
class RunLog {
  readonly runs: Run[] = [];
  private waiters: { done: () => boolean; resolve: () => void }[] = [];

  handler(worker: string) {
    return async (job: Job<unknown>) => this.add(job, worker);
  }

  add(job: Job<unknown>, worker: string): void {
    this.runs.push({ id: String(job.attrs._id), worker, data: job.attrs.data, startedAt: Date.now(), lastRunAt: job.attrs.lastRunAt });
    this.waiters = this.waiters.filter((waiter) => !(waiter.done() && (waiter.resolve(), true)));
  }

  until(done: (runs: Run[]) => boolean, timeoutMs = 10_000): Promise<void> {
    if (done(this.runs)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gave up after ${timeoutMs} ms with ${this.runs.length} runs`)), timeoutMs);
      this.waiters.push({ done: () => done(this.runs), resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  dataOf(): unknown[] {
    return this.runs.map((run) => run.data);
  }
}

// Resolves after `count` runs of `name` finished on this worker (remote echoes ignored).
function completions(agenda: Agenda, name: string, count = 1, timeoutMs = 10_000): Promise<void> {
  const completed = new Promise<void>((resolve, reject) => {
    let seen = 0;
    const listener = (_job: unknown, remote?: boolean) => {
      if (remote || ++seen < count) return;
      clearTimeout(timer);
      agenda.off(`complete:${name}`, listener);
      resolve();
    };
    const timer = setTimeout(() => reject(new Error(`${name}: ${seen} of ${count} completions after ${timeoutMs} ms`)), timeoutMs);
    agenda.on(`complete:${name}`, listener);
  });
  // A test that fails before awaiting this must not leave an unhandled rejection behind.
  completed.catch(() => undefined);
  return completed;
}

function jobParams(name: string, data: unknown, nextRunAt: Date | null, extra: Partial<JobParameters> = {}): JobParameters {
  return { name, data, priority: 0, nextRunAt, type: 'normal', ...extra };
}

const idOf = (job: { _id?: unknown } | undefined | null) => (job?._id === undefined ? undefined : String(job._id));

/**
 * Registers the job-store contract for one backend. Every backend gets the
 * same scenarios and the same expectations, so Tock's SQL store is held to what
 * Agenda's official backends do.
 */
export function describeJobStoreContract(label: string, openStore: () => Promise<JobStoreUnderTest>, capabilities: JobStoreCapabilities): void {
  describe(`job store contract: ${label}`, () => {
    let store: JobStoreUnderTest;
    let admin: JobRepository;
    const backends: AgendaBackend[] = [];
    let started: Agenda[] = [];

    const connectedRepository = async (): Promise<JobRepository> => {
      const backend = store.newBackend();
      backends.push(backend);
      await backend.connect();
      return backend.repository;
    };
    const worker = (name: string, options: { defaultLockLifetime?: number; processEvery?: number; logging?: boolean } = {}): Agenda => {
      const backend = store.newBackend();
      backends.push(backend);
      return createAgenda(backend, { processEvery: PROCESS_EVERY_MS, name, ...options });
    };
    const start = async (...agendas: Agenda[]) => {
      started.push(...agendas);
      await Promise.all(agendas.map((agenda) => agenda.start()));
    };
    const jobName = (what: string) => `${what}-${randomBytes(4).toString('hex')}`;

    beforeAll(async () => {
      store = await openStore();
      admin = await connectedRepository();
    });
    beforeEach(async () => {
      await admin.purgeAllJobs();
    });
    afterEach(async () => {
      // Agenda emits 'complete' just before it takes the job off its running
      // list, and drain() waits for a 'complete' still to come: a job that
      // finished as the test ended would hold drain() to its timeout. One turn
      // of the event loop lets the running list catch up.
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(started.map((agenda) => agenda.drain({ timeout: 5_000, closeConnection: false })));
      started = [];
    });
    afterAll(async () => {
      for (const backend of backends) await backend.disconnect();
      await store?.close();
    });

    it('L2: a job is never run by two workers at once (3 workers, 30 jobs: each runs exactly once)', async () => {
      const name = jobName('each-once');
      const log = new RunLog();
      const workers = ['w1', 'w2', 'w3'].map((id) => {
        const agenda = worker(id);
        agenda.define(name, log.handler(id));
        return agenda;
      });
      const jobs = await Promise.all(Array.from({ length: 30 }, (_, n) => workers[n % 3].now(name, { n })));
      const ids = jobs.map((job) => String(job.attrs._id));
      expect(new Set(ids).size).toBe(30);

      await start(...workers);
      await log.until((runs) => new Set(runs.map((run) => run.id)).size === 30);
      await Promise.all(workers.map((agenda) => agenda.drain({ timeout: 5_000, closeConnection: false })));

      expect(log.runs.map((run) => run.id).sort()).toEqual([...ids].sort());
      const stored = await admin.queryJobs({ name });
      expect(stored.total).toBe(30);
      expect(stored.jobs.filter((job) => job.lastFinishedAt && !job.lockedAt)).toHaveLength(30);
    });

    it('L2: four workers polling at once lock each due job exactly once', async () => {
      const name = jobName('poll-race');
      const repos = await Promise.all([1, 2, 3, 4].map(() => connectedRepository()));
      const due = new Date(Date.now() - 1000);
      const saved = await Promise.all(Array.from({ length: 12 }, (_, n) => admin.saveJob(jobParams(name, { n }, due), undefined)));

      const lockedBy = await Promise.all(
        repos.map(async (repo, w) => {
          const won: string[] = [];
          for (;;) {
            const job = await repo.getNextJobToRun(name, new Date(Date.now() + 1000), new Date(Date.now() - HOUR_MS), undefined, {
              lastModifiedBy: `w${w}`,
            });
            if (!job) return won;
            won.push(String(job._id));
          }
        }),
      );

      expect(lockedBy.flat().sort()).toEqual(saved.map((job) => String(job._id)).sort());
      for (const [w, won] of lockedBy.entries()) {
        for (const id of won) {
          const job = await admin.getJobById(id);
          expect(job?.lockedAt).toBeInstanceOf(Date);
          expect(job?.lastModifiedBy).toBe(`w${w}`);
        }
      }
    });

    it('L2: of four workers locking one job at the same moment exactly one wins', async () => {
      const name = jobName('lock-race');
      const repos = await Promise.all([1, 2, 3, 4].map(() => connectedRepository()));
      const job = await admin.saveJob(jobParams(name, {}, new Date(Date.now() - 1000)), undefined);

      const results = await Promise.all(repos.map((repo, w) => repo.lockJob(job, { lastModifiedBy: `w${w}` })));

      const winners = results.filter((result) => result !== undefined);
      expect(winners).toHaveLength(1);
      expect(idOf(winners[0])).toBe(idOf(job));
      expect(await admin.lockJob(job, undefined)).toBeUndefined();
      expect((await admin.getJobById(String(job._id)))?.lastModifiedBy).toBe(`w${results.indexOf(winners[0])}`);
    });

    it('a job scheduled for a time runs at that time, not before (stored to the millisecond)', async () => {
      const name = jobName('scheduled');
      const log = new RunLog();
      const agenda = worker('w1');
      agenda.define(name, log.handler('w1'));
      const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 1_400 + 123);

      const job = await agenda.schedule(at, name, { bookingId: 'b-1' });

      expect((await admin.getJobById(String(job.attrs._id)))?.nextRunAt?.getTime()).toBe(at.getTime());
      await start(agenda);
      await log.until((runs) => runs.length === 1);
      expect(log.runs[0].startedAt).toBeGreaterThanOrEqual(at.getTime());
      expect(log.runs[0].lastRunAt!.getTime()).toBeGreaterThanOrEqual(at.getTime());
      expect(log.runs[0].data).toEqual({ bookingId: 'b-1' });
    });

    it('every(ms) repeats on one stored job, each run at least the interval after the last', async () => {
      const name = jobName('every-ms');
      const log = new RunLog();
      const agenda = worker('w1');
      agenda.define(name, log.handler('w1'));

      await agenda.every(150, name);
      await start(agenda);
      await log.until((runs) => runs.length >= 3);

      const starts = log.runs.map((run) => run.lastRunAt!.getTime());
      expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(150);
      expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(150);
      const { jobs, total } = await admin.queryJobs({ name });
      expect(total).toBe(1);
      expect(String(jobs[0].repeatInterval)).toBe('150');
      expect(jobs[0].type).toBe('single');
      expect(new Set(log.runs.map((run) => run.id)).size).toBe(1);
    });

    it("every('1 second') repeats a human interval", async () => {
      const name = jobName('every-human');
      const log = new RunLog();
      const agenda = worker('w1');
      agenda.define(name, log.handler('w1'));

      await agenda.every('1 second', name);
      await start(agenda);
      await log.until((runs) => runs.length >= 2);

      expect(log.runs[1].lastRunAt!.getTime() - log.runs[0].lastRunAt!.getTime()).toBeGreaterThanOrEqual(1000);
      const stored = (await admin.queryJobs({ name })).jobs[0];
      expect(stored.repeatInterval).toBe('1 second');
      expect(stored.nextRunAt!.getTime() - log.runs[1].lastRunAt!.getTime()).toBe(1000);
    });

    it('a seconds cron (*/1 * * * * *) runs on whole seconds, once a second', async () => {
      const name = jobName('cron');
      const log = new RunLog();
      const agenda = worker('w1');
      agenda.define(name, log.handler('w1'));
      const done = completions(agenda, name, 2);

      await agenda.every('*/1 * * * * *', name);
      const first = (await admin.queryJobs({ name })).jobs[0];
      expect(first.nextRunAt!.getTime() % 1000).toBe(0);
      await start(agenda);
      await done;

      const [a, b] = log.runs.map((run) => run.lastRunAt!.getTime());
      expect(Math.floor(b / 1000)).toBeGreaterThan(Math.floor(a / 1000));
      const after = (await admin.queryJobs({ name })).jobs[0];
      expect(after.nextRunAt!.getTime() % 1000).toBe(0);
      expect(after.nextRunAt!.getTime()).toBeGreaterThan(b);
    });

    it('every() saved again by another worker keeps one job and does not move its schedule', async () => {
      const name = jobName('every-twice');
      const [first, second] = [worker('w1'), worker('w2')];

      const original = await first.every(HOUR_MS, name, { v: 1 }, { skipImmediate: true });
      const again = await second.every(HOUR_MS, name, { v: 2 });

      const { jobs, total } = await admin.queryJobs({ name });
      expect(total).toBe(1);
      expect(idOf(again.attrs)).toBe(idOf(original.attrs));
      expect(jobs[0].nextRunAt!.getTime()).toBe(original.attrs.nextRunAt!.getTime());
      expect(jobs[0].data).toEqual({ v: 2 });
    });

    it('L2: saves with one unique key keep one job; insertOnly keeps the first save', async () => {
      const name = jobName('unique');
      const agenda = worker('w1');
      const later = new Date(Date.now() + HOUR_MS);
      const save = (data: Record<string, unknown>, at: Date, insertOnly = false) =>
        agenda
          .create(name, data)
          .unique({ 'data.bookingId': data.bookingId }, { insertOnly })
          .schedule(at)
          .save();

      const first = await save({ bookingId: 'b-1', v: 1 }, later);
      const second = await save({ bookingId: 'b-1', v: 2 }, later);
      const kept = await save({ bookingId: 'b-1', v: 3 }, new Date(Date.now() + 1000), true);
      const other = await save({ bookingId: 'b-2', v: 1 }, later);

      expect(idOf(second.attrs)).toBe(idOf(first.attrs));
      expect(idOf(kept.attrs)).toBe(idOf(first.attrs));
      expect(idOf(other.attrs)).not.toBe(idOf(first.attrs));
      const { jobs, total } = await admin.queryJobs({ name });
      expect(total).toBe(2);
      const b1 = jobs.find((job) => idOf(job) === idOf(first.attrs));
      expect(b1?.data).toEqual({ bookingId: 'b-1', v: 2 });
      expect(b1?.nextRunAt?.getTime()).toBe(later.getTime());
    });

    it('debounced saves run once, after the quiet period, with the last data', async () => {
      const name = jobName('debounce');
      const log = new RunLog();
      const agenda = worker('w1');
      agenda.define(name, log.handler('w1'));
      await start(agenda);
      const done = completions(agenda, name);

      await agenda.nowDebounced(name, { key: 'k', v: 1 }, { 'data.key': 'k' }, 250);
      await agenda.nowDebounced(name, { key: 'k', v: 2 }, { 'data.key': 'k' }, 250);
      const beforeLastSave = Date.now();
      await agenda.nowDebounced(name, { key: 'k', v: 3 }, { 'data.key': 'k' }, 250);
      await done;

      expect(log.dataOf()).toEqual([{ key: 'k', v: 3 }]);
      expect(log.runs[0].startedAt).toBeGreaterThanOrEqual(beforeLastSave + 250);
      expect((await admin.queryJobs({ name })).total).toBe(1);
    });

    it('of two jobs due at the same time the higher priority runs first', async () => {
      const name = jobName('priority');
      const log = new RunLog();
      const agenda = worker('w1');
      agenda.define(name, log.handler('w1'), { concurrency: 1 });
      const due = new Date(Date.now() - 1000);

      await agenda.create(name, { p: 'normal' }).schedule(due).priority(0).save();
      await agenda.create(name, { p: 'high' }).schedule(due).priority(10).save();
      await start(agenda);
      await log.until((runs) => runs.length === 2);

      expect(log.dataOf()).toEqual([{ p: 'high' }, { p: 'normal' }]);
    });

    it('the store hands out due jobs earliest first, and by priority when due together', async () => {
      const name = jobName('order');
      const now = Date.now();
      const save = (data: unknown, at: number, priority: number) => admin.saveJob(jobParams(name, data, new Date(at), { priority }), undefined);
      await save('later-normal', now - 1000, 0);
      await save('later-high', now - 1000, 10);
      await save('earliest-normal', now - 2000, 0);

      const order: unknown[] = [];
      for (;;) {
        const job = await admin.getNextJobToRun(name, new Date(now + 1000), new Date(now - HOUR_MS), undefined, undefined);
        if (!job) break;
        order.push(job.data);
      }

      expect(order).toEqual(['earliest-normal', 'later-high', 'later-normal']);
    });

    it('a definition with concurrency 1 never runs two of its jobs at once', async () => {
      const name = jobName('concurrency');
      const agenda = worker('w1');
      const log = new RunLog();
      let running = 0;
      let mostAtOnce = 0;
      agenda.define(
        name,
        async (job: Job<unknown>) => {
          running++;
          mostAtOnce = Math.max(mostAtOnce, running);
          // Some work, so the processor has the chance to start another.
          await new Promise((resolve) => setTimeout(resolve, 20));
          running--;
          log.add(job, 'w1');
        },
        { concurrency: 1 },
      );

      await Promise.all([1, 2, 3, 4].map((n) => agenda.now(name, { n })));
      await start(agenda);
      await log.until((runs) => runs.length === 4);

      expect(mostAtOnce).toBe(1);
    });

    it('a worker at its lock limit leaves the other due jobs to other workers at once', async () => {
      const name = jobName('lock-limit');
      const log = new RunLog();
      let finish!: () => void;
      const held = new Promise<void>((resolve) => (finish = resolve));
      const [busy, idle] = [worker('busy'), worker('idle')];
      // The busy worker may hold two jobs, and runs each until the test lets go.
      busy.define(
        name,
        async (job: Job<unknown>) => {
          log.add(job, 'busy');
          await held;
        },
        { concurrency: 2, lockLimit: 2 },
      );
      idle.define(name, log.handler('idle'));
      const due = new Date(Date.now() - 1000);
      await Promise.all([1, 2, 3, 4, 5].map((n) => busy.create(name, { n }).schedule(due).save()));

      await start(busy);
      await log.until((runs) => runs.length === 2);
      await start(idle);
      await log.until((runs) => runs.length === 5);
      finish();

      expect(log.runs.filter((run) => run.worker === 'busy')).toHaveLength(2);
      expect(new Set(log.runs.map((run) => run.id)).size).toBe(5);
    });

    it('a disabled job does not run, and runs once enabled', async () => {
      const name = jobName('disable');
      const log = new RunLog();
      const agenda = worker('w1');
      agenda.define(name, log.handler('w1'), { concurrency: 1 });
      const paused = await agenda.create(name, { which: 'disabled' }).schedule(new Date(Date.now() - 2000)).save();
      await agenda.create(name, { which: 'enabled' }).schedule(new Date(Date.now() - 1000)).save();

      expect(await agenda.disable({ id: paused.attrs._id })).toBe(1);
      expect(await admin.lockJob(paused.attrs, undefined)).toBeUndefined();
      expect((await admin.queryJobs({ name, state: 'paused' })).jobs.map(idOf)).toEqual([idOf(paused.attrs)]);
      expect((await admin.queryJobs({ name, includeDisabled: false })).total).toBe(1);
      const firstDone = completions(agenda, name);
      await start(agenda);
      // The disabled job is due earlier: had it been lockable it would have run first.
      await firstDone;
      expect(log.dataOf()).toEqual([{ which: 'enabled' }]);

      expect(await agenda.enable({ id: paused.attrs._id })).toBe(1);
      await log.until((runs) => runs.length === 2);
      expect(log.dataOf()).toEqual([{ which: 'enabled' }, { which: 'disabled' }]);
    });

    it('cancel removes the jobs that match; purge removes jobs no worker defines; cancelAll empties the store', async () => {
      const [keep, drop, orphan] = [jobName('keep'), jobName('drop'), jobName('orphan')];
      const agenda = worker('w1');
      const later = new Date(Date.now() + HOUR_MS);
      await agenda.schedule(later, keep, { k: 'x1' });
      await agenda.schedule(later, keep, { k: 'x2' });
      await agenda.schedule(later, drop, { k: 'x1' });
      await agenda.schedule(later, drop, { k: 'x3' });
      await agenda.schedule(later, orphan, {});

      expect(await agenda.cancel({ name: drop })).toBe(2);
      expect(await agenda.cancel({ name: keep, data: { k: 'x2' } })).toBe(1);
      agenda.define(keep, async () => {});
      expect(await agenda.purge()).toBe(1);

      const left = await admin.queryJobs({});
      expect(left.jobs.map((job) => [job.name, job.data])).toEqual([[keep, { k: 'x1' }]]);
      expect(await agenda.cancelAll()).toBe(1);
      expect((await admin.queryJobs({})).total).toBe(0);
    });

    it('a job locked by a crashed worker runs again once its lock lifetime has passed', async () => {
      const name = jobName('recovery');
      const saved = await admin.saveJob(jobParams(name, { bookingId: 'b-1' }, new Date(Date.now() - 10)), undefined);
      const crashed = await admin.getNextJobToRun(name, new Date(Date.now() + 1000), new Date(Date.now() - HOUR_MS), undefined, {
        lastModifiedBy: 'crashed',
      });
      expect(idOf(crashed)).toBe(idOf(saved));
      const lockedAt = crashed!.lockedAt!.getTime();
      // A lock younger than the lifetime is respected.
      expect(await admin.getNextJobToRun(name, new Date(Date.now() + 1000), new Date(lockedAt - 1), undefined, undefined)).toBeUndefined();

      const log = new RunLog();
      const rescuer = worker('rescuer', { defaultLockLifetime: 300 });
      rescuer.define(name, log.handler('rescuer'));
      const done = completions(rescuer, name);
      await start(rescuer);
      await done;

      expect(log.runs).toHaveLength(1);
      expect(log.runs[0].startedAt - lockedAt).toBeGreaterThanOrEqual(300);
      const after = await admin.getJobById(String(saved._id));
      expect(after?.lockedAt).toBeUndefined();
      expect(after?.lastFinishedAt).toBeInstanceOf(Date);
      expect(after?.lastModifiedBy).toBe('rescuer');
    });

    it('a job cancelled while it runs is not written back', async () => {
      const name = jobName('cancel-running');
      const agenda = worker('w1');
      agenda.define(name, async (job: Job<unknown>) => {
        await agenda.cancel({ id: job.attrs._id });
      });
      const done = completions(agenda, name);
      await agenda.now(name, {});
      await start(agenda);
      await done;

      expect((await admin.queryJobs({ name })).total).toBe(0);
    });

    it('a save or state write for a removed job does not bring it back', async () => {
      const name = jobName('removed');
      const saved = await admin.saveJob(jobParams(name, { v: 1 }, new Date(Date.now() + HOUR_MS)), undefined);
      expect(await admin.removeJobs({ id: saved._id })).toBe(1);

      const again = await admin.saveJob({ ...saved, data: { v: 2 } }, undefined);

      expect(again.data).toEqual({ v: 2 });
      expect(await admin.getJobById(String(saved._id))).toBeNull();
      await expect(admin.saveJobState({ ...saved, lockedAt: new Date() }, undefined)).rejects.toThrow(/cannot be updated/);
      expect((await admin.queryJobs({ name })).total).toBe(0);
    });

    it('unlockJob leaves a running one-off job locked; unlockJobs releases it', async () => {
      const name = jobName('unlock');
      await admin.saveJob(jobParams(name, {}, new Date(Date.now() - 10)), undefined);
      const locked = await admin.getNextJobToRun(name, new Date(Date.now() + 1000), new Date(Date.now() - HOUR_MS), undefined, undefined);
      const id = String(locked!._id);
      // A one-off job that has started has no next run.
      await admin.saveJobState({ ...locked!, nextRunAt: null, lastRunAt: new Date() }, undefined);

      await admin.unlockJob({ ...locked!, nextRunAt: null });
      expect((await admin.getJobById(id))?.lockedAt).toBeInstanceOf(Date);

      await admin.unlockJobs([id]);
      expect((await admin.getJobById(id))?.lockedAt).toBeUndefined();
    });

    if (capabilities.notifiesAcrossProcesses) {
      it('a job saved by another process (an API) runs at once, not at the next poll (workers poll once a minute)', async () => {
        const name = jobName('notified');
        const log = new RunLog();
        const busyWorker = worker('worker', { processEvery: 60_000 });
        busyWorker.define(name, log.handler('worker'));
        await start(busyWorker);
        // The API process never starts its Agenda: it only saves jobs.
        const api = worker('api', { processEvery: 60_000 });
        await api.ready;

        const now = await api.now(name, { which: 'now' });
        await log.until((runs) => runs.length === 1);
        const soonAt = new Date(Date.now() + 300);
        const soon = await api.schedule(soonAt, name, { which: 'soon' });
        await log.until((runs) => runs.length === 2);

        expect(log.runs.map((run) => run.id)).toEqual([idOf(now.attrs), idOf(soon.attrs)]);
        // Woken early, a worker still runs a job at its time, not before.
        expect(log.runs[1].startedAt).toBeGreaterThanOrEqual(soonAt.getTime());
      });
    }

    it('the job log records each run (start, outcome, failure reason, end), and can be filtered, paged and cleared', async () => {
      const name = jobName('logged');
      const agenda = worker('w1', { logging: true });
      let attempts = 0;
      agenda.define(
        name,
        async () => {
          attempts++;
          if (attempts === 1) throw new Error('first try fails');
        },
        { backoff: ({ attempt }) => (attempt < 2 ? 100 : null) },
      );
      const job = await agenda.now(name, {});
      const jobId = String(job.attrs._id);
      const done = completions(agenda, name, 2);
      await start(agenda);
      await done;
      // Agenda writes log entries without waiting for them.
      await expect.poll(async () => (await agenda.getLogs({ jobId, event: 'complete' })).total, { timeout: 5_000 }).toBe(2);

      const { entries, total } = await agenda.getLogs({ jobId, sort: 'asc', limit: 100 });
      expect(total).toBe(entries.length);
      const runs = runsFromLog(entries);
      expect(runs.map((run) => [run.outcome, run.failReason])).toEqual([
        ['failed', 'first try fails'],
        ['succeeded', null],
      ]);
      for (const run of runs) {
        expect(run.jobName).toBe(name);
        expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
        expect(run.worker).toBe('w1');
      }
      expect(runs[0].retryAt!.getTime()).toBeGreaterThanOrEqual(runs[0].startedAt.getTime() + 100);
      expect(runs[1].startedAt.getTime()).toBeGreaterThanOrEqual(runs[0].finishedAt!.getTime());

      const failures = await agenda.getLogs({ jobId, event: 'fail' });
      expect([failures.total, failures.entries.map((entry) => [entry.level, entry.error])]).toEqual([1, [['error', 'first try fails']]]);
      expect((await agenda.getLogs({ jobName: name, level: ['error', 'warn'] })).total).toBe(1);
      const page = await agenda.getLogs({ jobId, sort: 'asc', offset: 1, limit: 2 });
      expect([page.total, page.entries.map((entry) => entry.event)]).toEqual([total, entries.slice(1, 3).map((entry) => entry.event)]);
      const newestFirst = await agenda.getLogs({ jobId, sort: 'desc', limit: 1 });
      expect(newestFirst.entries.map((entry) => entry.event)).toEqual(['complete']);
      const cut = new Date(runs[1].startedAt.getTime() - 1);
      const untilCut = entries.filter((entry) => entry.timestamp <= cut).length;
      expect(untilCut).toBeGreaterThan(0);
      expect(untilCut).toBeLessThan(total);
      expect((await agenda.getLogs({ jobId, to: cut })).total).toBe(untilCut);
      expect((await agenda.getLogs({ jobId, from: new Date(cut.getTime() + 1) })).total).toBe(total - untilCut);

      expect(await agenda.clearLogs({ jobId })).toBe(total);
      expect((await agenda.getLogs({ jobId })).total).toBe(0);
    });

    it('queryJobs pages by skip alone, limit alone and both, in the database and after a state filter', async () => {
      const name = jobName('paging');
      const later = Date.now() + HOUR_MS;
      for (const n of [0, 1, 2, 3, 4]) await admin.saveJob(jobParams(name, { n }, new Date(later + n * 1000), { priority: n }), undefined);
      const page = async (options: { skip?: number; limit?: number; state?: 'scheduled' }) => {
        const result = await admin.queryJobs({ name, sort: { priority: 'asc' }, ...options });
        return [result.total, result.jobs.map((job) => (job.data as { n: number }).n)];
      };

      expect(await page({ skip: 2 })).toEqual([5, [2, 3, 4]]);
      expect(await page({ limit: 2 })).toEqual([5, [0, 1]]);
      expect(await page({ skip: 1, limit: 3 })).toEqual([5, [1, 2, 3]]);
      expect(await page({ skip: 4, limit: 3 })).toEqual([5, [4]]);
      expect(await page({ skip: 9 })).toEqual([5, []]);
      // A state filter is applied to the rows first, then the page is cut.
      expect(await page({ state: 'scheduled', skip: 3 })).toEqual([5, [3, 4]]);
      expect(await page({ state: 'scheduled', limit: 1 })).toEqual([5, [0]]);
      expect(await page({ state: 'scheduled', skip: 1, limit: 2 })).toEqual([5, [1, 2]]);
    });

    it.each([
      ['an Error', () => new Error('provider said no'), 'provider said no'],
      ['a plain object', () => ({ code: 42, why: 'rejected' }), '{"code":42,"why":"rejected"}'],
      ['a string', () => 'just a string', 'just a string'],
      ['a number', () => 503, '503'],
    ])('a job that throws %s stores a readable failReason, counts each failure and backs off', async (_what, thrown, expected) => {
      const name = jobName('fails');
      const agenda = worker('w1');
      const failedRunsAt: number[] = [];
      agenda.define(
        name,
        async () => {
          failedRunsAt.push(Date.now());
          throw thrown();
        },
        // One retry, 200 ms after the first failure; then it gives up.
        { backoff: ({ attempt }) => (attempt < 2 ? 200 : null) },
      );
      const job = await agenda.now(name, {});
      const afterFirst = completions(agenda, name, 1);
      const afterSecond = completions(agenda, name, 2);
      await start(agenda);

      await afterFirst;
      const first = await admin.getJobById(String(job.attrs._id));
      expect(first).toMatchObject({ failReason: expected, failCount: 1 });
      expect(first?.lockedAt).toBeUndefined();
      expect(first?.lastFinishedAt).toBeInstanceOf(Date);
      expect(first?.nextRunAt?.getTime()).toBeGreaterThanOrEqual(first!.failedAt!.getTime() + 200);

      await afterSecond;
      const second = await admin.getJobById(String(job.attrs._id));
      expect(second).toMatchObject({ failReason: expected, failCount: 2, nextRunAt: null });
      expect(second?.lockedAt).toBeUndefined();
      expect(failedRunsAt[1] - failedRunsAt[0]).toBeGreaterThanOrEqual(200);
      expect((await admin.queryJobs({ name, state: 'failed' })).jobs.map(idOf)).toEqual([idOf(job.attrs)]);
    });

    it('queryJobs and getJobsOverview compute each job state; filters, search, sort and paging', async () => {
      const name = jobName('states');
      const now = Date.now();
      const save = (state: string, nextRunAt: number | null, priority: number, extra: Partial<JobParameters> = {}) =>
        admin.saveJob(jobParams(name, { state }, nextRunAt === null ? null : new Date(nextRunAt), { priority, ...extra }), undefined);
      await save('scheduled', now + HOUR_MS, 1);
      await save('queued', now - HOUR_MS, 2);
      const running = await save('running', now - HOUR_MS, 3);
      await admin.saveJobState({ ...running, nextRunAt: null, lockedAt: new Date(now), lastRunAt: new Date(now) }, undefined);
      const completed = await save('completed', null, 4);
      await admin.saveJobState({ ...completed, lastRunAt: new Date(now - 2000), lastFinishedAt: new Date(now - 1000) }, undefined);
      const failed = await save('failed', null, 5);
      await admin.saveJobState(
        { ...failed, lastRunAt: new Date(now - 2000), lastFinishedAt: new Date(now - 1000), failedAt: new Date(now - 1000), failCount: 1, failReason: 'boom' },
        undefined,
      );
      await save('repeating', now + HOUR_MS, 6, { repeatInterval: '1 hour' });
      await save('paused', now + HOUR_MS, 7, { disabled: true });

      const statesOf = async (state: 'running' | 'scheduled' | 'queued' | 'completed' | 'failed' | 'repeating' | 'paused') =>
        (await admin.queryJobs({ name, state })).jobs.map((job) => (job.data as { state: string }).state).sort();
      expect(await statesOf('running')).toEqual(['running']);
      expect(await statesOf('scheduled')).toEqual(['paused', 'scheduled']);
      expect(await statesOf('queued')).toEqual(['queued']);
      expect(await statesOf('completed')).toEqual(['completed']);
      expect(await statesOf('failed')).toEqual(['failed']);
      expect(await statesOf('repeating')).toEqual(['repeating']);
      expect(await statesOf('paused')).toEqual(['paused']);

      expect(await admin.getJobsOverview()).toEqual([
        { name, total: 7, running: 1, scheduled: 2, queued: 1, completed: 1, failed: 1, repeating: 1, paused: 1 },
      ]);
      expect(await admin.getDistinctJobNames()).toEqual([name]);
      expect(await admin.getQueueSize()).toBe(1);

      const failedJob = (await admin.queryJobs({ id: String(failed._id) })).jobs[0];
      expect(failedJob).toMatchObject({ state: 'failed', failCount: 1, failReason: 'boom' });
      const page = await admin.queryJobs({ name, sort: { priority: 'desc' }, skip: 1, limit: 2 });
      expect([page.total, page.jobs.map((job) => job.priority)]).toEqual([7, [6, 5]]);
      const pausedPage = await admin.queryJobs({ name, state: 'scheduled', sort: { priority: 'asc' }, limit: 1 });
      expect([pausedPage.total, pausedPage.jobs.map((job) => job.priority)]).toEqual([2, [1]]);
      expect((await admin.queryJobs({ search: name.slice(2, 12).toUpperCase() })).total).toBe(7);
      expect((await admin.queryJobs({ search: 'no-such-job' })).total).toBe(0);
      expect((await admin.queryJobs({ name, data: { state: 'failed' } })).jobs.map(idOf)).toEqual([idOf(failed)]);
      expect((await admin.queryJobs({ name, includeDisabled: false })).total).toBe(6);
    });
  });
}
