import type { JobParameters } from 'agenda';

// The largest batch one lock round takes.
const MAX_BATCH = 50;

/** Unlocks jobs that were locked ahead but never handed out; `lockedAt` is the lock they were given. */
type ReleaseLocks = (ids: string[], lockedAt: Date) => Promise<void>;

/** When and under which "lockable" test a batch was locked; a later ask must be at least as wide. */
interface LockTerms {
  lockedAt: Date;
  nextScanAt: Date;
  lockDeadline: Date;
}

interface Batch extends LockTerms {
  jobs: JobParameters[];
}

/**
 * Agenda's fill loop asks the store for one job at a time, and asks again at
 * once (without leaving the microtask queue) for as long as it wants more. One
 * lock round trip per job made locking the bottleneck, so the store locks a
 * batch and hands it out from here. Batches grow while the loop keeps coming
 * back (1, 2, 4 … 50) and start at 1 again once the store runs dry, so a worker
 * that wants one job locks one. Jobs the loop has not come back for by the next
 * turn of the event loop (it stopped at a lock limit, or is stopping) are
 * unlocked at once, not left until their lock expires.
 */
export class LockAheadBuffer {
  private readonly batches = new Map<string, Batch>();
  private readonly sizes = new Map<string, number>();

  constructor(private readonly release: ReleaseLocks) {}

  /** The next job of a batch locked for this worker and job name, if one is held and still fits the ask. */
  take(jobName: string, worker: string | null, nextScanAt: Date, lockDeadline: Date): JobParameters | undefined {
    const key = batchKey(jobName, worker);
    const batch = this.batches.get(key);
    if (!batch) return undefined;
    if (nextScanAt < batch.nextScanAt || lockDeadline < batch.lockDeadline) {
      this.releaseBatch(key, batch);
      return undefined;
    }
    const job = batch.jobs.shift();
    if (batch.jobs.length === 0) this.batches.delete(key);
    return job;
  }

  /** How many jobs the next lock round for this worker and job name should take. */
  batchSize(jobName: string, worker: string | null): number {
    return this.sizes.get(batchKey(jobName, worker)) ?? 1;
  }

  /** Keeps what a lock round took beyond its first job, and returns that first job. */
  hold(jobName: string, worker: string | null, round: { locked: JobParameters[]; exhausted: boolean }, terms: LockTerms): JobParameters | undefined {
    const key = batchKey(jobName, worker);
    // Grow while more are waiting; start small again once the store ran dry.
    this.sizes.set(key, round.exhausted ? 1 : Math.min(this.batchSize(jobName, worker) * 2, MAX_BATCH));
    const [first, ...rest] = round.locked;
    if (rest.length > 0) {
      const batch: Batch = { jobs: rest, ...terms };
      this.batches.set(key, batch);
      setImmediate(() => {
        if (this.batches.get(key) === batch) this.releaseBatch(key, batch);
      });
    }
    return first;
  }

  private releaseBatch(key: string, batch: Batch): void {
    this.batches.delete(key);
    this.sizes.set(key, 1);
    const ids = batch.jobs.map((job) => String(job._id));
    // Best effort: a lock left behind (the database went away) expires with its lifetime.
    this.release(ids, batch.lockedAt).catch(() => undefined);
  }
}

const batchKey = (jobName: string, worker: string | null) => `${worker ?? ''}\u0000${jobName}`;
