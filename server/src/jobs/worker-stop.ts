import type { Agenda, Job } from 'agenda';

/** What a graceful stop of the worker did (L6). */
export interface WorkerStopReport {
  /** Jobs this worker had locked but not started: their locks were released for other workers at once. */
  handedBack: number;
  /** Jobs that ran to the end while the worker stopped. */
  finished: number;
  /** Jobs still running when the timeout came (0 unless it did). */
  stillRunning: number;
}

// The jobs running in this process, from Agenda's start and complete events.
export class RunningJobs {
  private readonly running = new Set<string>();
  private readonly idle = new Set<() => void>();
  finished = 0;

  constructor(agenda: Agenda) {
    agenda.on('start', (job: Job) => this.running.add(String(job.attrs._id)));
    agenda.on('complete', (job: Job) => {
      if (!this.running.delete(String(job.attrs._id))) return;
      this.finished += 1;
      // Agenda drops the job from its own running list after this event.
      if (this.running.size === 0) setImmediate(() => this.idle.forEach((resolve) => resolve()));
    });
  }

  get count(): number {
    return this.running.size;
  }

  /** Resolves when nothing runs, or after timeoutMs; true when nothing runs. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idle.delete(done);
        resolve(this.running.size === 0);
      };
      const timer = setTimeout(done, timeoutMs);
      this.idle.add(done);
    });
  }
}

/**
 * L6, graceful stop: take no more jobs, release at once the locks of jobs held
 * but not started (Agenda's stop does; its drain would keep starting them),
 * and let the running ones finish, for up to timeoutMs. The job store stays
 * connected: the caller closes it after.
 */
export async function stopWorker(agenda: Agenda, running: RunningJobs, timeoutMs: number): Promise<WorkerStopReport> {
  if (!agenda.isActiveJobProcessor()) return { handedBack: 0, finished: 0, stillRunning: running.count };
  const before = await agenda.getRunningStats();
  const finishedBefore = running.finished;
  await agenda.stop(false);
  await running.whenIdle(timeoutMs);
  return {
    handedBack: Math.max(0, Number(before.lockedJobs) - Number(before.runningJobs)),
    finished: running.finished - finishedBefore,
    stillRunning: running.count,
  };
}
