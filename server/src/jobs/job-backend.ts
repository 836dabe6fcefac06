import { MongoBackend } from '@agendajs/mongo-backend';
import type { AgendaBackend } from 'agenda';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { createJobNotificationChannel } from './notifications/job-notification-channel.factory.js';
import { adaptOfficialBackend } from './official-backend.adapter.js';
import { SqlJobBackend } from './sql-backend/sql-job.backend.js';

// Where jobs live: JOBS_URL picks Agenda's official MongoDB backend (with its
// own notifications and job log); without it they stay in the application's
// own database, announced in-process or over REDIS_URL. (redis:// is refused
// by the configuration: see config.ts.)
export function createJobBackend(config: Config, dataSource: DataSource): AgendaBackend {
  const url = config.jobsUrl;
  if (url?.startsWith('mongodb://') || url?.startsWith('mongodb+srv://'))
    // O3: an unreachable MongoDB fails start in seconds, not after the driver's 30 s.
    return adaptOfficialBackend(new MongoBackend({ address: url, options: { serverSelectionTimeoutMS: 5_000 } }));
  return new SqlJobBackend(dataSource, {
    notificationChannel: createJobNotificationChannel(config.redisUrl),
    ...(config.jobs.logRetentionDays > 0 && { log: { retentionMs: config.jobs.logRetentionDays * 24 * 60 * 60 * 1000 } }),
  });
}

/**
 * Agenda calls backend.connect() in its constructor without handling a
 * failure (an unhandled rejection that crashes the process with a raw stack,
 * and `ready` never settles). This hands Agenda a connect that only ever
 * succeeds, and returns the real outcome for start-up to report (O3).
 */
export function interceptConnect(backend: AgendaBackend): { backend: AgendaBackend; connected: Promise<void> } {
  let outcome: Promise<void> | undefined;
  // A view of the backend, not a patch on it: backends that are proxies
  // themselves (the official ones, adapted) would call a patched connect
  // back into their own.
  const observed = new Proxy(backend, {
    get(target, key) {
      if (key === 'connect') {
        return () => {
          outcome = target.connect();
          return outcome.catch(() => new Promise<void>(() => undefined));
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const connected = new Promise<void>((resolve, reject) => queueMicrotask(() => (outcome ?? Promise.resolve()).then(resolve, reject)));
  return { backend: observed, connected };
}
