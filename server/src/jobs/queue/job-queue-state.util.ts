/** A job as the queue view needs it, whatever store it lives in. */
export interface QueueJob {
  id: string;
  name: string;
  nextRunAt: Date | null;
  lockedAt: Date | null;
  lastRunAt: Date | null;
  lastFinishedAt: Date | null;
  failedAt: Date | null;
  failCount: number | null;
  failReason: string | null;
  repeatInterval: string | null;
  data: unknown;
}

export enum JobQueueState {
  RUNNING = 'RUNNING',
  /** Its last run failed and Agenda has scheduled the next attempt (nextRunAt). */
  RETRYING = 'RETRYING',
  /** Due for more than OVERDUE_AFTER_MS and not picked up: no worker, or workers too busy. */
  OVERDUE = 'OVERDUE',
  DUE_SOON = 'DUE_SOON',
  SCHEDULED = 'SCHEDULED',
  /** Failed with no next run: retries ran out. */
  FAILED = 'FAILED',
}

/** A job due this long ago and not started is late (a poll or two of slack). */
const OVERDUE_AFTER_MS = 60_000;

// Pure, after Agenda's computeJobState: where a job stands at `now`; null for
// one that finished. Running wins; then a failed last run (retrying when a
// next attempt is set, failed when none is); then by due time.
export function queueStateOf(job: QueueJob, now: Date, dueSoonMs: number): JobQueueState | null {
  if (job.lockedAt) return JobQueueState.RUNNING;
  const lastRunFailed = !!job.failedAt && (!job.lastFinishedAt || job.failedAt >= job.lastFinishedAt);
  if (!job.nextRunAt) return lastRunFailed ? JobQueueState.FAILED : null;
  if (lastRunFailed) return JobQueueState.RETRYING;
  const dueIn = job.nextRunAt.getTime() - now.getTime();
  if (dueIn < -OVERDUE_AFTER_MS) return JobQueueState.OVERDUE;
  return dueIn <= dueSoonMs ? JobQueueState.DUE_SOON : JobQueueState.SCHEDULED;
}

interface JobStateCounts {
  name: string;
  running: number;
  retrying: number;
  overdue: number;
  dueSoon: number;
  scheduled: number;
  failed: number;
}

const COUNT_KEY: Record<JobQueueState, keyof Omit<JobStateCounts, 'name'>> = {
  [JobQueueState.RUNNING]: 'running',
  [JobQueueState.RETRYING]: 'retrying',
  [JobQueueState.OVERDUE]: 'overdue',
  [JobQueueState.DUE_SOON]: 'dueSoon',
  [JobQueueState.SCHEDULED]: 'scheduled',
  [JobQueueState.FAILED]: 'failed',
};

interface QueueSummary<J extends QueueJob> {
  counts: JobStateCounts[];
  /** Jobs still to run (running first, then by due time), at most `limit`. */
  next: { job: J; state: JobQueueState }[];
  oldestOverdue: { job: J; state: JobQueueState } | null;
}

// Pure: the queue view of a set of jobs.
export function summarizeQueue<J extends QueueJob>(jobs: readonly J[], now: Date, dueSoonMs: number, limit: number): QueueSummary<J> {
  const counts = new Map<string, JobStateCounts>();
  const pending: { job: J; state: JobQueueState }[] = [];
  for (const job of jobs) {
    const state = queueStateOf(job, now, dueSoonMs);
    if (!state) continue;
    let count = counts.get(job.name);
    if (!count) counts.set(job.name, (count = { name: job.name, running: 0, retrying: 0, overdue: 0, dueSoon: 0, scheduled: 0, failed: 0 }));
    count[COUNT_KEY[state]]++;
    if (state !== JobQueueState.FAILED) pending.push({ job, state });
  }
  const dueTime = (item: { job: J; state: JobQueueState }) => (item.state === JobQueueState.RUNNING ? -Infinity : (item.job.nextRunAt?.getTime() ?? Infinity));
  pending.sort((a, b) => dueTime(a) - dueTime(b) || a.job.id.localeCompare(b.job.id));
  const overdue = pending.filter((item) => item.state === JobQueueState.OVERDUE);
  return {
    counts: [...counts.values()].sort((a, b) => a.name.localeCompare(b.name)),
    next: pending.slice(0, limit),
    oldestOverdue: overdue[0] ?? null,
  };
}
