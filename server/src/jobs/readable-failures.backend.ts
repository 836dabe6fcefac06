import type { AgendaBackend, JobParameters, JobRepository } from 'agenda';
import { readableFailReason } from './fail-reason.util.js';

/**
 * Agenda's official backends with failReason stored as readable text (see
 * readableFailReason): they would store a thrown plain object as
 * "[object Object]". Everything else is the backend's own.
 */
export function withReadableFailures<B extends AgendaBackend>(backend: B): B {
  const readable = <T extends Partial<JobParameters>>(job: T): T =>
    job.failReason === undefined || typeof job.failReason === 'string' ? job : { ...job, failReason: readableFailReason(job.failReason) };
  const wrapped = new Map<JobRepository, JobRepository>();
  const wrap = (repository: JobRepository): JobRepository => {
    let proxy = wrapped.get(repository);
    if (!proxy) {
      proxy = new Proxy(repository, {
        get(target, key, receiver) {
          if (key === 'saveJobState') return (job: JobParameters, options: never) => target.saveJobState(readable(job), options);
          if (key === 'saveJob') return (job: JobParameters, options: never) => target.saveJob(readable(job), options);
          const value: unknown = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      wrapped.set(repository, proxy);
    }
    return proxy;
  };
  return new Proxy(backend, {
    get(target, key) {
      if (key === 'repository') return wrap(target.repository);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
