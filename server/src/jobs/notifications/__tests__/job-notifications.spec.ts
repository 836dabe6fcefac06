import { randomBytes } from 'node:crypto';
import type { Agenda, Job, NotificationChannel, NotificationChannelState } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../../../../test/private-redis.js';
import { startTestServer, type TestServer } from '../../../../test/harness.js';
import { loadConfig } from '../../../config/config.js';
import { createAgenda } from '../../agenda.factory.js';
import { createJobBackend } from '../../job-backend.js';
import { SqlJobBackend } from '../../sql-backend/sql-job.backend.js';
import { RedisJobNotificationChannel } from '../redis-job-notification.channel.js';

// Resolves when the channel is in `state` (at once if it is already).
function reaches(channel: NotificationChannel, state: NotificationChannelState): Promise<void> {
  if (channel.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = (now: NotificationChannelState) => {
      if (now !== state) return;
      channel.off('stateChange', listener);
      resolve();
    };
    channel.on('stateChange', listener);
  });
}

// Resolves with the ids of the jobs of `name` as each finishes on `agenda`.
function finished(agenda: Agenda, name: string) {
  const ids: string[] = [];
  const waiters: { id: string; resolve: () => void }[] = [];
  agenda.on(`complete:${name}`, (job: Job, remote?: boolean) => {
    if (remote) return;
    ids.push(String(job.attrs._id));
    for (const waiter of waiters.filter((w) => w.id === String(job.attrs._id))) waiter.resolve();
  });
  return (id: string) => (ids.includes(id) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ id, resolve })));
}

describe('job notifications for Tock SQL job store', () => {
  let server: TestServer;
  const agendas: Agenda[] = [];
  const backends: SqlJobBackend[] = [];

  beforeAll(async () => {
    server = await startTestServer({ database: 'sqlite', worker: false });
  });
  afterAll(async () => {
    for (const agenda of agendas) await agenda.drain({ timeout: 5_000, closeConnection: false });
    for (const backend of backends) await backend.disconnect();
    await server?.stop();
  });

  const agendaOn = (backend: SqlJobBackend, name: string, processEvery: number) => {
    backends.push(backend);
    const agenda = createAgenda(backend, { processEvery, name });
    agendas.push(agenda);
    return agenda;
  };

  it('without REDIS_URL, a job saved in the process that runs the worker runs at once, not at the next poll (poll once a minute)', async () => {
    const backend = createJobBackend(loadConfig({ JOBS_LOG_RETENTION_DAYS: '0' }), server.app.dataSource);
    expect(backend).toBeInstanceOf(SqlJobBackend);
    const agenda = agendaOn(backend as SqlJobBackend, 'all-in-one', 60_000);
    const name = `in-process-${randomBytes(4).toString('hex')}`;
    agenda.define(name, async () => {});
    const done = finished(agenda, name);
    await agenda.start();

    // The first might be found by the poll Agenda runs as it starts; the second
    // is saved after that, with the next poll a minute away.
    for (const n of [1, 2]) {
      const job = await agenda.now(name, { n });
      await done(String(job.attrs._id));
      expect((await server.app.agenda.db.getJobById(String(job.attrs._id)))?.lastFinishedAt).toBeInstanceOf(Date);
    }
  });

  describe('over Redis, when Redis is lost and comes back', () => {
    let redis: PrivateRedis;
    beforeAll(async () => {
      redis = await startPrivateRedis();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('a saved job wakes the worker in another process; without Redis saves still succeed and jobs go out by polling; then wake-ups resume', async () => {
      const channelName = `tock-test:${randomBytes(6).toString('hex')}:jobs`;
      const workerChannel = new RedisJobNotificationChannel(redis.url, channelName);
      const apiChannel = new RedisJobNotificationChannel(redis.url, channelName);
      const worker = agendaOn(new SqlJobBackend(server.app.dataSource, { notificationChannel: workerChannel }), 'worker', 500);
      const api = agendaOn(new SqlJobBackend(server.app.dataSource, { notificationChannel: apiChannel }), 'api', 500);
      const name = `fault-${randomBytes(4).toString('hex')}`;
      worker.define(name, async () => {});
      const done = finished(worker, name);
      await worker.start();
      await api.ready;
      // What reached the worker's channel: a wake-up, as opposed to a poll.
      const heard: string[] = [];
      workerChannel.subscribe((notification) => void heard.push(String(notification.jobId)));
      const wokenFor = (id: string) => expect.poll(() => heard.includes(id), { timeout: 5_000 }).toBe(true);

      // Redis up: the API's save reaches the worker.
      expect([workerChannel.state, apiChannel.state]).toEqual(['connected', 'connected']);
      const first = String((await api.now(name, { n: 1 })).attrs._id);
      await wokenFor(first);
      await done(first);

      // Redis lost: both channels notice; a save is stored at once and goes out at the next poll.
      await redis.kill();
      await Promise.all([reaches(workerChannel, 'reconnecting'), reaches(apiChannel, 'reconnecting')]);
      const second = String((await api.now(name, { n: 2 })).attrs._id);
      await done(second);
      expect(heard).not.toContain(second);
      expect((await server.app.agenda.db.getJobById(second))?.lastFinishedAt).toBeInstanceOf(Date);

      // Redis back: the channels re-subscribe by themselves and wake-ups resume.
      await redis.restart();
      await Promise.all([reaches(workerChannel, 'connected'), reaches(apiChannel, 'connected')]);
      const third = String((await api.now(name, { n: 3 })).attrs._id);
      await wokenFor(third);
      await done(third);
    });
  });
});
