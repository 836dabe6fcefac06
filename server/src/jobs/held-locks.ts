import type { Agenda, Job } from 'agenda';
import { log } from '../observability/logger.js';

/** A job store that can renew, in one statement, the locks of jobs a worker holds but has not started. */
export interface RenewsHeldLocks {
  /** Moves the lock of each job still locked at `heldSince` to `renewedAt`, other jobs left as they are; returns the ids renewed. */
  renewLocks(ids: string[], heldSince: Date, renewedAt: Date): Promise<string[]>;
}

// The parts of Agenda 6.2's job processor this needs (private there).
interface JobProcessorInternals {
  lockedJobs: Job[];
  runningJobs: Job[];
  jobQueue: { getQueue(): Job[] };
  jobStatus: Record<string, { locked: number; running: number } | undefined>;
}

/**
 * L6: Agenda renews a job's lock only while the job runs (touch). A job it has
 * locked and queued but not started keeps the lock it was given, and if it
 * waits longer than the lock lifetime (a starved event loop, a slow
 * database), Agenda drops it from its queue without giving back its place
 * under the lock limit (agenda#1413): each such drop shrinks the worker for
 * good, and a burst on a loaded machine stalled every worker within seconds.
 * Every third of a lock lifetime this renews the locks of the jobs held and
 * not started (one statement per lock round, where the store can), and gives
 * back the places of any Agenda dropped anyway, so the job is locked again,
 * here or by another worker. Returns a stop function.
 */
export function keepHeldLocks(agenda: Agenda, store: Partial<RenewsHeldLocks>, everyMs: number): () => void {
  let busy = false;
  const timer = setInterval(() => {
    const processor = (agenda as unknown as { jobProcessor?: JobProcessorInternals }).jobProcessor;
    if (busy || !processor) return;
    busy = true;
    renewHeld(processor, store)
      .catch((error: unknown) => log.debug({ err: error }, 'renewing held job locks failed; they keep their lifetime'))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

async function renewHeld(processor: JobProcessorInternals, store: Partial<RenewsHeldLocks>): Promise<void> {
  const running = new Set(processor.runningJobs);
  const queued = new Set(processor.jobQueue.getQueue());
  // Held and not started; a job Agenda dropped from its queue still counts against its limit.
  const dropped = processor.lockedJobs.filter((job) => !running.has(job) && !queued.has(job));
  for (const job of dropped) {
    const index = processor.lockedJobs.indexOf(job);
    if (index === -1) continue;
    processor.lockedJobs.splice(index, 1);
    const status = processor.jobStatus[job.attrs.name];
    if (status) status.locked = Math.max(0, status.locked - 1);
  }
  if (dropped.length) log.debug({ jobs: dropped.length }, 'gave back the places of held jobs whose locks expired');
  if (!store.renewLocks) return;
  // Grouped by the lock they were given (one per lock round). A lock that has
  // expired is renewed only if no other worker took it meanwhile (the store
  // checks it still holds `heldSince`): a stalled event loop can be late.
  const rounds = new Map<number, Job[]>();
  for (const job of processor.lockedJobs) {
    const lockedAt = job.attrs.lockedAt;
    if (running.has(job) || !queued.has(job) || !lockedAt) continue;
    rounds.set(lockedAt.getTime(), [...(rounds.get(lockedAt.getTime()) ?? []), job]);
  }
  for (const [heldSince, jobs] of rounds) {
    const renewedAt = new Date();
    const renewed = new Set(await store.renewLocks(jobs.map((job) => String(job.attrs._id)), new Date(heldSince), renewedAt));
    // Agenda reads the lock it holds from the job; a job that started (and touched) meanwhile keeps its own.
    for (const job of jobs) if (renewed.has(String(job.attrs._id)) && job.attrs.lockedAt?.getTime() === heldSince) job.attrs.lockedAt = renewedAt;
  }
}
