import type { Job, JobRepository } from 'agenda';
import type { TockMetrics } from '../observability/metrics.js';
import { withLogContext } from '../observability/log-context.js';
import { log } from '../observability/logger.js';

// Locked jobs waiting to run; a job unlocked without running leaves its entry, so the map is capped.
const MAX_TRACKED = 10_000;

/**
 * O2: Agenda moves nextRunAt on before a handler runs, so the time a job was
 * due is noted when the job store hands it out (the repository's two lock
 * paths), and read once when it starts.
 */
export function trackDueTimes(repository: JobRepository): (jobId: string) => Date | null {
  const dueAt = new Map<string, Date>();
  const note = (job: { _id?: unknown; nextRunAt?: Date | null } | undefined) => {
    if (!job?._id || !job.nextRunAt) return;
    if (dueAt.size >= MAX_TRACKED) dueAt.delete(dueAt.keys().next().value!);
    dueAt.set(String(job._id), new Date(job.nextRunAt));
  };
  const getNext = repository.getNextJobToRun.bind(repository);
  repository.getNextJobToRun = async (...args) => {
    const job = await getNext(...args);
    note(job);
    return job;
  };
  const lock = repository.lockJob.bind(repository);
  repository.lockJob = async (...args) => {
    const job = await lock(...args);
    note(job);
    return job;
  };
  return (jobId) => {
    const due = dueAt.get(jobId) ?? null;
    dueAt.delete(jobId);
    return due;
  };
}

/** Job data fields that name what a job works on, for its log lines (O1). */
interface TracedJobData {
  entryId?: string;
  requestId?: string;
}

/** Wraps a handler: its log lines carry the job name, job id, log-entry id and the request that scheduled it; its lag is measured. */
export function observedJob<T>(
  name: string,
  handler: (job: Job<T>) => Promise<void>,
  observe: { metrics: TockMetrics; dueAt: (jobId: string) => Date | null },
): (job: Job<T>) => Promise<void> {
  return async (job) => {
    const jobId = String(job.attrs._id);
    observe.metrics.recordJobStart(name, observe.dueAt(jobId));
    const data = (job.attrs.data ?? {}) as TracedJobData;
    const fields = { job: name, jobId, ...(data.entryId && { entryId: String(data.entryId) }), ...(data.requestId && { requestId: String(data.requestId) }) };
    await withLogContext(fields, async () => {
      log.debug('job started');
      try {
        await handler(job);
      } catch (error) {
        // Agenda retries or gives up; either way the line says which job and text.
        log.warn({ err: error }, 'job failed');
        throw error;
      }
    });
  };
}
