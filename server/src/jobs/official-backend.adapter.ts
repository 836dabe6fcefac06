import type { AgendaBackend, JobParameters, JobRepository, NotificationChannel } from 'agenda';
import { readableFailReason } from './fail-reason.util.js';

/**
 * Agenda's official backends (JOBS_URL) held to what Tock's own store does:
 * - failReason is stored as readable text (see readableFailReason); they
 *   would store a thrown plain object as "[object Object]";
 * - saves are announced from every process: they connect their notification
 *   channel only in Agenda's start(), which an API process never calls, so
 *   its saves would wait for a worker's poll. connect() connects it too, and
 *   connecting it again (start() does) is a no-op.
 * Everything else is the backend's own.
 */
export function adaptOfficialBackend<B extends AgendaBackend>(backend: B): B {
  const readable = <T extends Partial<JobParameters>>(job: T): T =>
    job.failReason === undefined || typeof job.failReason === 'string' ? job : { ...job, failReason: readableFailReason(job.failReason) };
  const repositories = new Map<JobRepository, JobRepository>();
  const repository = (target: JobRepository): JobRepository => {
    let proxy = repositories.get(target);
    if (!proxy) {
      proxy = new Proxy(target, {
        get(inner, key) {
          if (key === 'saveJobState') return (job: JobParameters, options: never) => inner.saveJobState(readable(job), options);
          if (key === 'saveJob') return (job: JobParameters, options: never) => inner.saveJob(readable(job), options);
          return bound(inner, key);
        },
      });
      repositories.set(target, proxy);
    }
    return proxy;
  };
  const channel = backend.notificationChannel && connectOnce(backend.notificationChannel);
  return new Proxy(backend, {
    get(target, key) {
      if (key === 'repository') return repository(target.repository);
      if (key === 'notificationChannel') return channel;
      if (key === 'connect') {
        return async () => {
          await target.connect();
          await channel?.connect();
        };
      }
      return bound(target, key);
    },
  });
}

function connectOnce(channel: NotificationChannel): NotificationChannel {
  let connecting: Promise<void> | undefined;
  return new Proxy(channel, {
    get(target, key) {
      if (key === 'connect') {
        return () => {
          if (target.state === 'connected') return Promise.resolve();
          connecting ??= target.connect().finally(() => (connecting = undefined));
          return connecting;
        };
      }
      return bound(target, key);
    },
  });
}

function bound(target: object, key: string | symbol): unknown {
  const value: unknown = Reflect.get(target, key, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}
